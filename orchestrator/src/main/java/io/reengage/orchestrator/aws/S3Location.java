package io.reengage.orchestrator.aws;

import java.util.Objects;

/** A bucket and key (or key prefix) parsed from an {@code s3://bucket/key} URI. */
public record S3Location(String bucket, String key) {

  public S3Location {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("Invalid S3 location: empty bucket name");
    }
  }

  /** Parses {@code s3://bucket/key}; {@code s3a://} is accepted too, as the job writes either. */
  public static S3Location parse(String uri) {
    if (uri == null) {
      throw new IllegalArgumentException("Invalid S3 URI: null (expected s3://bucket/key)");
    }
    String rest;
    if (uri.startsWith("s3://")) {
      rest = uri.substring("s3://".length());
    } else if (uri.startsWith("s3a://")) {
      rest = uri.substring("s3a://".length());
    } else {
      throw new IllegalArgumentException("Invalid S3 URI: " + uri + " (expected s3://bucket/key)");
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return new S3Location(rest, "");
    }
    return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The key as a folder prefix: ends with '/' unless it is empty (the whole bucket). */
  public String folderPrefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  /** The same location as an {@code s3://} URI, which is what Pinpoint's S3Url accepts. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return uri();
  }
}
