package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);

  @Test
  void derivedInstants_shouldFollowTheSpecsCalendarArithmetic() {
    GeneratorSettings s = GeneratorSettings.builder(AS_OF).build();

    // Values from the shared contract's summary example: 2026-08-31 -> until 2026-09-01T00:00:00Z,
    // delivered window start 2025-10-31, engagement window start 2026-02-28 (clamped).
    assertThat(s.untilMillis()).isEqualTo(1788220800000L);
    assertThat(s.deliveredStartMillis()).isEqualTo(1761868800000L);
    assertThat(s.engagementStartMillis()).isEqualTo(1772236800000L);
    assertThat(s.firstSendDay()).isEqualTo(LocalDate.of(2025, 8, 31));
    assertThat(s.snapshotEndMillis()).isEqualTo(1788307200000L);
  }

  @Test
  void builder_shouldStartFromTheDocumentedDefaults() {
    GeneratorSettings s = GeneratorSettings.builder(AS_OF).build();

    assertThat(s.addresses()).isEqualTo(1000);
    assertThat(s.days()).isEqualTo(365);
    assertThat(s.daysAfter()).isEqualTo(2);
    assertThat(s.formatMix()).isEqualTo(new FormatMix(60, 25, 15));
    assertThat(s.layout()).isEqualTo(Layout.FIREHOSE);
    assertThat(s.edgeCases()).isFalse();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void invalidValues_shouldBeRejectedNamingTheOption() {
    expectInvalid(b -> b.addresses(-3), "Invalid --addresses: -3 (must be > 0)");
    expectInvalid(b -> b.days(0), "Invalid --days: 0 (must be > 0)");
    expectInvalid(b -> b.days(40_000), "Invalid --days: 40000 (must be <= 36600)");
    expectInvalid(b -> b.daysAfter(-1), "Invalid --days-after: -1 (must be >= 0)");
    expectInvalid(b -> b.eventsPerDay(0), "Invalid --events-per-day: 0 (must be > 0)");
    expectInvalid(
        b -> b.recipientsMax(51), "Invalid --recipients-max: 51 (must be <= 50, the SES limit)");
    expectInvalid(b -> b.openRate(1.5), "Invalid --open-rate: 1.5 (must be between 0 and 1)");
    expectInvalid(b -> b.clickRate(-0.1), "Invalid --click-rate: -0.1 (must be between 0 and 1)");
    expectInvalid(b -> b.duplicateRate(1), "Invalid --duplicate-rate: 1.0 (must be >= 0 and < 1)");
    expectInvalid(
        b -> b.lateRate(Double.NaN), "Invalid --late-rate: NaN (must be between 0 and 1)");
    expectInvalid(
        b -> b.streamName("my stream"),
        "Invalid --stream-name: my stream (use 1 to 64 of a-z A-Z 0-9 _ . -)");
    expectInvalid(
        b -> b.deliveredWindowMonths(6),
        "Invalid --delivered-window-months: 6 (must be > "
            + "--engagement-window-months 6 so that edge cases have room between the window starts)");
    expectInvalid(b -> b.bufferSeconds(0), "Invalid --buffer-seconds: 0 (must be > 0)");
    expectInvalid(
        b -> b.bufferMb(129), "Invalid --buffer-mb: 129 (must be <= 128, the Firehose limit)");
    expectInvalid(
        b -> b.days(21_000),
        "Invalid --days: 21000 (reaches back before 1971 from --as-of 2026-08-31)");
  }

  @Test
  void formatMix_shouldParseWeightsAndRejectNonsense() {
    assertThat(FormatMix.parse("ndjson=60,concatenated=25,gzip=15"))
        .isEqualTo(new FormatMix(60, 25, 15));
    assertThat(FormatMix.parse(" gzip = 1 ")).isEqualTo(new FormatMix(0, 0, 1));
    assertThat(FormatMix.parse("NDJSON=0.5,concatenated=0.5").toString())
        .isEqualTo("ndjson=0.5,concatenated=0.5,gzip=0");

    assertThatThrownBy(() -> FormatMix.parse("ndjson=1,zip=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid --format-mix: unknown format 'zip' (use ndjson, concatenated, gzip)");
    assertThatThrownBy(() -> FormatMix.parse("ndjson"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid --format-mix: 'ndjson' (expected name=share, e.g. ndjson=60,concatenated=25,gzip=15)");
    assertThatThrownBy(() -> FormatMix.parse("gzip=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid --format-mix: gzip=x (must be a number >= 0)");
    assertThatThrownBy(() -> FormatMix.parse("gzip=-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid --format-mix: gzip=-1.0 (must be a number >= 0)");
    assertThatThrownBy(() -> FormatMix.parse("gzip=1,gzip=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid --format-mix: 'gzip' given twice");
    assertThatThrownBy(() -> FormatMix.parse("ndjson=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid --format-mix: all shares are 0 (give at least one of ndjson, concatenated, gzip a share > 0)");
  }

  @Test
  void formatMix_gzipContent_shouldFollowThePlainRatio() {
    FormatMix onlyGzipConcatenated = new FormatMix(0, 1, 0);
    FormatMix gzipOnly = new FormatMix(0, 0, 1);

    assertThat(new FormatMix(1, 0, 1).pick(0.99, 0.99)).isEqualTo(ObjectFormat.GZIP_NDJSON);
    assertThat(new FormatMix(0, 1, 1).pick(0.99, 0.01)).isEqualTo(ObjectFormat.GZIP_CONCATENATED);
    assertThat(gzipOnly.pick(0.5, 0.99)).isEqualTo(ObjectFormat.GZIP_NDJSON);
    assertThat(onlyGzipConcatenated.pick(0.5, 0.5)).isEqualTo(ObjectFormat.CONCATENATED);
  }

  private static void expectInvalid(
      UnaryOperator<GeneratorSettings.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(GeneratorSettings.builder(AS_OF)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
