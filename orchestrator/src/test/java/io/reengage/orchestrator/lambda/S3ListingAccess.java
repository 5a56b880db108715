package io.reengage.orchestrator.lambda;

/** Lets tests in other packages build ListObjectsV2 bodies. */
public final class S3ListingAccess {

  private S3ListingAccess() {}

  public static String page(String bucket, String prefix, String... keysAndSizes) {
    return S3Listing.page(bucket, prefix, null, keysAndSizes);
  }
}
