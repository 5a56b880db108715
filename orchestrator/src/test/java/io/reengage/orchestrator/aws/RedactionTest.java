package io.reengage.orchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void addressLikeTokens_areReplaced() {
    assertThat(
            Redaction.redactAddresses("Row 3: 'jane.doe+x@mail.example.com' invalid; bob@b.io, ok"))
        .isEqualTo("Row 3: '<address>' invalid; <address>, ok");
  }

  @Test
  void textWithoutAddresses_isUnchanged() {
    assertThat(Redaction.redactAddresses("Row 9: too many attributes"))
        .isEqualTo("Row 9: too many attributes");
    assertThat(Redaction.redactAddresses(null)).isNull();
  }
}
