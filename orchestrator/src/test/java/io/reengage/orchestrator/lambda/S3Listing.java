package io.reengage.orchestrator.lambda;

/** ListObjectsV2 response bodies as S3 documents them (XML, one Contents element per object). */
final class S3Listing {

  private S3Listing() {}

  static String page(String bucket, String prefix, String nextToken, String... keysAndSizes) {
    StringBuilder xml =
        new StringBuilder()
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .append("<Name>")
            .append(bucket)
            .append("</Name>")
            .append("<Prefix>")
            .append(prefix)
            .append("</Prefix>")
            .append("<KeyCount>")
            .append(keysAndSizes.length / 2)
            .append("</KeyCount>")
            .append("<MaxKeys>1000</MaxKeys>")
            .append("<IsTruncated>")
            .append(nextToken != null)
            .append("</IsTruncated>");
    if (nextToken != null) {
      xml.append("<NextContinuationToken>").append(nextToken).append("</NextContinuationToken>");
    }
    for (int i = 0; i < keysAndSizes.length; i += 2) {
      xml.append("<Contents><Key>")
          .append(keysAndSizes[i])
          .append("</Key>")
          .append("<LastModified>2026-09-01T05:20:00.000Z</LastModified>")
          .append("<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>")
          .append("<Size>")
          .append(keysAndSizes[i + 1])
          .append("</Size>")
          .append("<StorageClass>STANDARD</StorageClass></Contents>");
    }
    return xml.append("</ListBucketResult>").toString();
  }
}
