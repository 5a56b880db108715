package io.reengage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void addressLikeTokens_areReplaced() {
    assertThat(Redaction.redact("Row 3: 'jane.doe+x@mail.example.com' invalid; bob@b.io, ok"))
        .isEqualTo("Row 3: '<address>' invalid; <address>, ok");
  }

  @Test
  void textWithoutAddresses_isUnchanged() {
    assertThat(Redaction.redact("Row 9: too many attributes"))
        .isEqualTo("Row 9: too many attributes");
    assertThat(Redaction.redact(null)).isNull();
  }

  /** The cases where the two earlier patterns differed: the stricter one is kept. */
  @Test
  void aSchemePrefix_anEmptyLocalPart_andChainedAts_areAllRedacted() {
    assertThat(Redaction.redact("cannot parse mailto:jane@example.com"))
        .isEqualTo("cannot parse <address>");
    assertThat(Redaction.redact("value @example.com")).isEqualTo("value <address>");
    assertThat(Redaction.redact("x a@b@c.example y")).isEqualTo("x <address><address> y");
    assertThat(Redaction.redact("[jane@example.com]")).isEqualTo("[<address>]");
  }
}
