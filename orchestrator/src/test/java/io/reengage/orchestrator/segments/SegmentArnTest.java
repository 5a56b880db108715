package io.reengage.orchestrator.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentArnTest {

  @Test
  void takesPartitionRegionAndAccountFromTheFunctionArn() {
    assertThat(
            SegmentArn.of("arn:aws-cn:lambda:cn-north-1:111122223333:function:tag", "app1", "seg1"))
        .isEqualTo("arn:aws-cn:mobiletargeting:cn-north-1:111122223333:apps/app1/segments/seg1");
  }

  @Test
  void qualifiedFunctionArn_isAccepted() {
    assertThat(SegmentArn.of("arn:aws:lambda:us-east-1:123456789012:function:tag:live", "a", "s"))
        .isEqualTo("arn:aws:mobiletargeting:us-east-1:123456789012:apps/a/segments/s");
  }

  @Test
  void notALambdaArn_isRejected() {
    assertThatThrownBy(() -> SegmentArn.of("arn:aws:iam::123456789012:role/x", "a", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid function ARN: arn:aws:iam::123456789012:role/x"
                + " (expected arn:<partition>:lambda:<region>:<account>:function:<name>)");
  }
}
