package io.reengage.orchestrator.ops.athena;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two sets of import rows as multisets, the way {@code reengage compare} does: row order
 * does not matter, a duplicated row must be duplicated on both sides; rows only in the expected
 * side are missing, rows only in the actual side are extra, and a missing and an extra row with the
 * same Id (second column) are one differing row. Only counts leave this class, never rows.
 */
public final class ImportRowComparison {

  /** Counts; {@code mismatched()} is zero exactly when the two sides are equal. */
  public record Result(
      long expectedRows, long actualRows, long missing, long extra, long differing) {
    public long mismatched() {
      return missing + extra + differing;
    }

    public boolean equal() {
      return mismatched() == 0;
    }
  }

  private final Map<List<String>, Long> balance = new HashMap<>();
  private long expectedRows;
  private long actualRows;
  private long unusableExpected;

  /**
   * Adds a row of the query's result. Rows whose address (Id) is empty or white space only are left
   * out and counted: the job drops such addresses on purpose (a documented deviation from the
   * query), so they would otherwise show as false differences.
   */
  public void addExpected(List<String> row) {
    if (row.size() > 1 && (row.get(1) == null || row.get(1).strip().isEmpty())) {
      unusableExpected++;
      return;
    }
    expectedRows++;
    balance.merge(row, 1L, Long::sum);
  }

  public void addActual(List<String> row) {
    actualRows++;
    balance.merge(row, -1L, Long::sum);
  }

  /** Rows of the query's result left out for an empty or blank address. */
  public long unusableExpected() {
    return unusableExpected;
  }

  public Result result() {
    Map<String, Long> missingById = new HashMap<>();
    List<Map.Entry<List<String>, Long>> extras = new ArrayList<>();
    long missing = 0;
    for (Map.Entry<List<String>, Long> entry : balance.entrySet()) {
      if (entry.getValue() > 0) {
        missing += entry.getValue();
        missingById.merge(entry.getKey().get(1), entry.getValue(), Long::sum);
      } else if (entry.getValue() < 0) {
        extras.add(entry);
      }
    }
    long extra = 0;
    long differing = 0;
    for (Map.Entry<List<String>, Long> entry : extras) {
      long count = -entry.getValue();
      long paired = Math.min(count, missingById.getOrDefault(entry.getKey().get(1), 0L));
      if (paired > 0) {
        missingById.merge(entry.getKey().get(1), -paired, Long::sum);
      }
      differing += paired;
      extra += count - paired;
    }
    return new Result(expectedRows, actualRows, missing - differing, extra, differing);
  }
}
