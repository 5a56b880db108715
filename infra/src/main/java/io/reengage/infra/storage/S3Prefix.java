package io.reengage.infra.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * A folder in a bucket, with the ARNs and conditions that scope a policy to it and nothing wider.
 * The prefix is empty (the whole bucket) or ends in '/'.
 */
public final class S3Prefix {

  private final IBucket bucket;
  private final String prefix;

  private S3Prefix(IBucket bucket, String prefix) {
    this.bucket = bucket;
    this.prefix = prefix;
  }

  public static S3Prefix of(IBucket bucket, String prefix) {
    if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
      throw new IllegalArgumentException(
          "Invalid S3 prefix: '" + prefix + "' (must be empty or end in '/', no leading '/')");
    }
    return new S3Prefix(bucket, prefix);
  }

  public IBucket bucket() {
    return bucket;
  }

  public String prefix() {
    return prefix;
  }

  /** A sub-folder, e.g. {@code runs/} of the work bucket. */
  public S3Prefix child(String name) {
    return of(bucket, prefix + name);
  }

  /** {@code s3://bucket/prefix}, ending in '/'. */
  public String uri() {
    return "s3://" + bucket.getBucketName() + "/" + prefix;
  }

  /** Every object below the prefix. */
  public String objectsArn() {
    return bucket.arnForObjects(prefix + "*");
  }

  /**
   * Objects matching {@code pattern} below the prefix, e.g. {@code * /import/*} for import folders.
   */
  public String objectsArn(String pattern) {
    return bucket.arnForObjects(prefix + pattern);
  }

  /**
   * The object keys that stand for the folder itself. Hadoop file systems probe the folder with a
   * HEAD request on its name without the slash and EMRFS marks folders with a {@code name_$folder$}
   * object; a denied probe is an error, not "not found". Empty for the bucket root.
   */
  public List<String> folderMarkerArns() {
    List<String> arns = new ArrayList<>();
    if (!prefix.isEmpty()) {
      String name = prefix.substring(0, prefix.length() - 1);
      arns.add(bucket.arnForObjects(name));
      arns.add(bucket.arnForObjects(name + "_$folder$"));
    }
    return arns;
  }

  /**
   * Condition for {@code s3:ListBucket} that allows listing only inside the prefix; empty for the
   * root.
   */
  public Map<String, Object> listCondition() {
    if (prefix.isEmpty()) {
      return Map.of();
    }
    String name = prefix.substring(0, prefix.length() - 1);
    return Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*", name)));
  }
}
