package io.reengage.orchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3LocationTest {

  @Test
  void parsesBucketAndKey() {
    S3Location location = S3Location.parse("s3://bucket/runs/2026-09-01/x/import");
    assertThat(location.bucket()).isEqualTo("bucket");
    assertThat(location.key()).isEqualTo("runs/2026-09-01/x/import");
    assertThat(location.folderPrefix()).isEqualTo("runs/2026-09-01/x/import/");
    assertThat(S3Location.parse("s3a://bucket/k/").uri()).isEqualTo("s3://bucket/k/");
    assertThat(S3Location.parse("s3://bucket").folderPrefix()).isEmpty();
  }

  @Test
  void otherSchemes_areRejected() {
    assertThatThrownBy(() -> S3Location.parse("/tmp/out"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid S3 URI: /tmp/out (expected s3://bucket/key)");
  }
}
