package io.reengage.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two sets of import rows compared as multisets: what {@code reengage compare} (in Spark) and
 * {@code aws athena-check} (row by row, here) both mean by "the same output".
 *
 * <ul>
 *   <li>A row is its seven fields after {@link #normalise}: NULL and empty are the same (Athena
 *       writes NULL as an empty field), nothing else is changed (case and spaces count).
 *   <li>Row order does not matter; a duplicated row must be duplicated on both sides.
 *   <li>Rows whose Id is {@linkplain UnusableAddress unusable} are left out of both sides and
 *       counted: the job never writes them (a documented deviation), the query does.
 *   <li>Rows only in the expected side are missing, rows only in the actual side are extra; a
 *       missing and an extra row with the same Id are one differing row (see {@link Result#of}).
 * </ul>
 *
 * Only counts leave this class, never rows.
 */
public final class ImportRowComparison {

  /** Counts; {@code mismatched()} is zero exactly when the two sides are equal. */
  public record Result(
      long expectedRows, long actualRows, long missing, long extra, long differing) {

    /**
     * From the rows left unmatched on each side and how many of them pair up by Id: each pair is
     * one differing row and no longer missing or extra.
     */
    public static Result of(
        long expectedRows,
        long actualRows,
        long unmatchedExpected,
        long unmatchedActual,
        long paired) {
      return new Result(
          expectedRows, actualRows, unmatchedExpected - paired, unmatchedActual - paired, paired);
    }

    public long mismatched() {
      return missing + extra + differing;
    }

    public boolean equal() {
      return mismatched() == 0;
    }
  }

  private final boolean keepUnusable;
  private final Map<List<String>, Long> balance = new HashMap<>();
  private long expectedRows;
  private long actualRows;
  private long unusableExpected;
  private long unusableActual;

  /** Leaves rows with an unusable Id out, as {@code compare} does by default. */
  public ImportRowComparison() {
    this(false);
  }

  /** {@code keepUnusable}: compare rows with an unusable Id too ({@code --keep-unusable}). */
  public ImportRowComparison(boolean keepUnusable) {
    this.keepUnusable = keepUnusable;
  }

  /** A field as compared: NULL and empty are the same. */
  public static String normalise(String field) {
    return field == null ? "" : field;
  }

  /** A row as compared; see {@link #normalise(String)}. */
  public static List<String> normalise(List<String> row) {
    List<String> out = new ArrayList<>(row.size());
    for (String field : row) {
      out.add(normalise(field));
    }
    return List.copyOf(out);
  }

  /** Whether the comparison leaves this Id out (unless told to keep such rows). */
  public static boolean leftOut(String id) {
    return UnusableAddress.test(id);
  }

  /** Adds a row of the reference side (the query's result). */
  public void addExpected(List<String> row) {
    if (!keepUnusable && leftOut(id(row))) {
      unusableExpected++;
      return;
    }
    expectedRows++;
    balance.merge(normalise(row), 1L, Long::sum);
  }

  /** Adds a row of the side under test (the run's import folder). */
  public void addActual(List<String> row) {
    if (!keepUnusable && leftOut(id(row))) {
      unusableActual++;
      return;
    }
    actualRows++;
    balance.merge(normalise(row), -1L, Long::sum);
  }

  /** Rows of the expected side left out for an unusable Id. */
  public long unusableExpected() {
    return unusableExpected;
  }

  /** Rows of the actual side left out for an unusable Id. */
  public long unusableActual() {
    return unusableActual;
  }

  public Result result() {
    Map<String, Long> missingById = new HashMap<>();
    List<Map.Entry<List<String>, Long>> extras = new ArrayList<>();
    long missing = 0;
    for (Map.Entry<List<String>, Long> entry : balance.entrySet()) {
      if (entry.getValue() > 0) {
        missing += entry.getValue();
        missingById.merge(id(entry.getKey()), entry.getValue(), Long::sum);
      } else if (entry.getValue() < 0) {
        extras.add(entry);
      }
    }
    long extra = 0;
    long paired = 0;
    for (Map.Entry<List<String>, Long> entry : extras) {
      long count = -entry.getValue();
      String id = id(entry.getKey());
      long pairs = Math.min(count, missingById.getOrDefault(id, 0L));
      if (pairs > 0) {
        missingById.merge(id, -pairs, Long::sum);
      }
      paired += pairs;
      extra += count;
    }
    return Result.of(expectedRows, actualRows, missing, extra, paired);
  }

  private static String id(List<String> row) {
    return row.size() > ImportCsv.ID ? normalise(row.get(ImportCsv.ID)) : "";
  }
}
