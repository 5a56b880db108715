package io.reengage.orchestrator.ops.backfill;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a backfill range is cut into runs: calendar months, calendar quarters, calendar years, or a
 * fixed number of days. Calendar cuts keep chunk boundaries stable across reruns with other ranges.
 */
public record ChunkSize(Unit unit, int days) {

  public enum Unit {
    MONTH,
    QUARTER,
    YEAR,
    DAYS
  }

  /** Parses {@code month}, {@code quarter}, {@code year} or {@code <n>d}. */
  public static ChunkSize parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    switch (value) {
      case "month":
        return new ChunkSize(Unit.MONTH, 0);
      case "quarter":
        return new ChunkSize(Unit.QUARTER, 0);
      case "year":
        return new ChunkSize(Unit.YEAR, 0);
      default:
        break;
    }
    if (value.matches("[1-9][0-9]{0,3}d")) {
      return new ChunkSize(Unit.DAYS, Integer.parseInt(value.substring(0, value.length() - 1)));
    }
    throw new IllegalArgumentException(
        "Invalid chunk size: " + text + " (use month, quarter, year or a number of days like 14d)");
  }

  /** Cuts {@code [from, to]} (both included) into consecutive chunks. */
  public List<Chunk> split(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Invalid range: --from " + from + " is after --to " + to);
    }
    List<Chunk> chunks = new ArrayList<>();
    LocalDate start = from;
    while (!start.isAfter(to)) {
      LocalDate end = lastDayOfChunk(start);
      if (end.isAfter(to)) {
        end = to;
      }
      chunks.add(new Chunk(start, end));
      start = end.plusDays(1);
    }
    return chunks;
  }

  private LocalDate lastDayOfChunk(LocalDate start) {
    return switch (unit) {
      case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
      case QUARTER -> {
        int quarter = start.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate lastMonth = LocalDate.of(start.getYear(), quarter * 3, 1);
        yield lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
      }
      case YEAR -> LocalDate.of(start.getYear(), 12, 31);
      case DAYS -> start.plusDays(days - 1L);
    };
  }
}
