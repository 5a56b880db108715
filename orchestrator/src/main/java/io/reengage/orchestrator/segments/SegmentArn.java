package io.reengage.orchestrator.segments;

/**
 * Builds a segment's ARN. The partition, region and account come from the calling function's own
 * ARN, which the runtime hands to every invocation: no extra call to STS, and not the deprecated
 * import ExternalId that older code took for the account.
 */
public final class SegmentArn {

  private SegmentArn() {}

  /** {@code arn:<partition>:mobiletargeting:<region>:<account>:apps/<app>/segments/<segment>}. */
  public static String of(String functionArn, String applicationId, String segmentId) {
    String[] parts = functionArn == null ? new String[0] : functionArn.split(":", 7);
    if (parts.length < 7
        || !"arn".equals(parts[0])
        || !"lambda".equals(parts[2])
        || parts[3].isEmpty()
        || parts[4].isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid function ARN: "
              + functionArn
              + " (expected arn:<partition>:lambda:<region>:<account>:function:<name>)");
    }
    return "arn:"
        + parts[1]
        + ":mobiletargeting:"
        + parts[3]
        + ":"
        + parts[4]
        + ":apps/"
        + applicationId
        + "/segments/"
        + segmentId;
  }
}
