package io.reengage.orchestrator.ops.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChunkSizeTest {

  private static String split(String size, String from, String to) {
    return ChunkSize.parse(size).split(LocalDate.parse(from), LocalDate.parse(to)).toString();
  }

  @Test
  void months_followTheCalendar_includingALeapFebruary() {
    assertThat(split("month", "2028-01-15", "2028-03-10"))
        .isEqualTo("[2028-01-15..2028-01-31, 2028-02-01..2028-02-29, 2028-03-01..2028-03-10]");
  }

  @Test
  void quarters_andYears() {
    assertThat(split("quarter", "2025-12-01", "2026-07-01"))
        .isEqualTo(
            "[2025-12-01..2025-12-31, 2026-01-01..2026-03-31, 2026-04-01..2026-06-30, 2026-07-01..2026-07-01]");
    assertThat(split("year", "2024-06-01", "2025-02-01"))
        .isEqualTo("[2024-06-01..2024-12-31, 2025-01-01..2025-02-01]");
  }

  @Test
  void fixedDays_countFromTheStart() {
    assertThat(split("10d", "2026-01-01", "2026-01-25"))
        .isEqualTo("[2026-01-01..2026-01-10, 2026-01-11..2026-01-20, 2026-01-21..2026-01-25]");
    assertThat(split("1d", "2026-01-01", "2026-01-01")).isEqualTo("[2026-01-01..2026-01-01]");
  }

  @Test
  void badSizesAndRanges_areRejected() {
    assertThatThrownBy(() -> ChunkSize.parse("week"))
        .hasMessage(
            "Invalid chunk size: week (use month, quarter, year or a number of days like 14d)");
    assertThatThrownBy(() -> ChunkSize.parse("0d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> split("month", "2026-02-01", "2026-01-31"))
        .hasMessage("Invalid range: --from 2026-02-01 is after --to 2026-01-31");
  }
}
