package io.reengage.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values that refuse to synthesise, and the shared values of the parameter tests. */
class ParametersTest {

  static final String FIREHOSE =
      "arn:aws:firehose:eu-west-1:123456789012:deliverystream/pinpoint-to-s3";
  static final String KINESIS = "arn:aws:kinesis:eu-west-1:123456789012:stream/pinpoint-events";
  static final String PROJECT = "0123456789abcdef0123456789abcdef";
  static final String KEY =
      "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @Test
  void missingJarStopsSynthesisWithTheFix() {
    assertThatThrownBy(() -> Synth.template(Map.of("jobJar", "/nonexistent/reengage-job.jar")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot synthesise the stack: job jar /nonexistent/reengage-job.jar does not exist (build it"
                + " first with './mvnw -pl infra -am package', or point -c jobJar=PATH at a built jar)");
  }
}
