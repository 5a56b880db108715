package io.reengage.job.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParametersTest {

  @ParameterizedTest(name = "{0} minus {1} months starts {2}")
  @CsvSource({
    "2026-12-31, 10, 2026-02-28",
    "2026-08-31, 6, 2026-02-28",
    "2024-08-31, 6, 2024-02-29",
    "2024-12-31, 10, 2024-02-29",
    "2026-03-31, 1, 2026-02-28",
    "2026-04-30, 1, 2026-03-30",
    "2026-05-15, 10, 2025-07-15",
    "2026-07-31, 10, 2025-09-30"
  })
  void windowStartsUseCalendarMonthsClampedToTheMonthEnd(String asOf, int months, String start) {
    RuleParameters p =
        new RuleParameters(
            LocalDate.parse(asOf), months, months, 6, RuleParameters.DEFAULT_ENGAGEMENT_TYPES, 0);
    assertThat(p.deliveredStartDate()).isEqualTo(LocalDate.parse(start));
    assertThat(p.engagementStartDate()).isEqualTo(LocalDate.parse(start));
    assertThat(p.deliveredStartSeconds())
        .isEqualTo(Instant.parse(start + "T00:00:00Z").getEpochSecond());
  }

  @Test
  void defaultUntil_isTheStartOfTheNextDay_orNowIfEarlier() {
    LocalDate asOf = LocalDate.of(2026, 8, 31);
    assertThat(RuleParameters.defaultUntil(asOf, Instant.parse("2026-11-28T08:00:00Z")))
        .isEqualTo(1_788_220_800_000L);
    assertThat(RuleParameters.defaultUntil(asOf, Instant.parse("2026-08-31T10:15:00Z")))
        .isEqualTo(Instant.parse("2026-08-31T10:15:00Z").toEpochMilli());
  }

  @Test
  void invalidValues_areRejectedWithTheOptionName() {
    LocalDate d = LocalDate.of(2026, 8, 31);
    assertThatThrownBy(
            () -> new RuleParameters(d, -1, 6, 6, RuleParameters.DEFAULT_ENGAGEMENT_TYPES, 0))
        .hasMessage("Invalid delivered-window-months: -1 (must be between 0 and 1200)");
    assertThatThrownBy(
            () -> new RuleParameters(d, 10, 6, 0, RuleParameters.DEFAULT_ENGAGEMENT_TYPES, 0))
        .hasMessage("Invalid min-delivered: 0 (must be at least 1)");
    assertThatThrownBy(() -> new RuleParameters(d, 10, 6, 6, Set.of("_email.delivered"), 0))
        .hasMessageStartingWith("Invalid engagement types");
  }
}
