package io.reengage.sql.testing;

import io.reengage.sql.testing.EventFiles.Event;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The two sides of the cross-check on one data set and one as-of date, and their rows. */
public final class Agreement {

  /**
   * The job's definition of an unusable address (SPEC.md, deviation "Unusable addresses"): NULL,
   * empty, or only Unicode white space and the ASCII separators U+001C to U+001F.
   */
  private static final Pattern BLANK = Pattern.compile("(?U)^[\\s\\x1c-\\x1f]*$");

  private Agreement() {}

  /** The start of the day after {@code asOf}: the job's default --until for a past day. */
  public static Instant defaultUntil(LocalDate asOf) {
    return asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Only the events the original query may see for this until: it has no upper bound of its own.
   */
  public static List<Event> before(List<Event> events, Instant until) {
    long bound = until.toEpochMilli();
    return events.stream()
        .filter(e -> e.arrivalTimestamp() != null && e.arrivalTimestamp() < bound)
        .toList();
  }

  /** The original query, verbatim but for its table reference. */
  public static String originalOn(String table) {
    String original = QueryTexts.read(QueryTexts.ORIGINAL);
    if (original.split(Pattern.quote(QueryTexts.ORIGINAL_TABLE), -1).length != 2) {
      throw new IllegalStateException("expected the original's table reference exactly once");
    }
    return original.replace(QueryTexts.ORIGINAL_TABLE, TrinoEngine.qualified(table));
  }

  /** The parameterised Athena form with its placeholders filled in. */
  public static String parameterisedOn(String table, LocalDate asOf, Instant until) {
    return QueryTexts.substitute(
        QueryTexts.read(QueryTexts.PARAMETERISED),
        Map.of(
            "database",
            TrinoEngine.SCHEMA,
            "table",
            table,
            "as_of",
            asOf.toString(),
            "until_epoch_millis",
            Long.toString(until.toEpochMilli())));
  }

  /** Trino's result as CSV-like string rows: NULL as the empty field, numbers in decimal. */
  public static List<List<String>> rows(MaterializedResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (MaterializedRow row : result.getMaterializedRows()) {
      List<String> fields = new ArrayList<>();
      for (Object v : row.getFields()) {
        fields.add(v == null ? null : v.toString());
      }
      rows.add(fields);
    }
    return rows;
  }

  /** Rows whose Address (third column) the job would never write. */
  public static boolean unusableAddress(List<String> row) {
    String address = row.get(2);
    return address == null || BLANK.matcher(address).matches();
  }

  /** NULL fields as the CSV's empty field, for comparison with the job's CSV rows. */
  public static List<List<String>> asCsvFields(List<List<String>> rows) {
    return rows.stream().map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList();
  }

  /** A stable order for readable failure messages; the comparison itself is as multisets. */
  public static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  /**
   * Fails unless the two row lists are equal as multisets; the message counts the rows each side
   * has in excess and shows a few of them (test data only), rather than both lists whole.
   */
  public static void assertSameRows(
      String what,
      String leftName,
      List<List<String>> left,
      String rightName,
      List<List<String>> right) {
    Map<List<String>, Integer> excess = new java.util.HashMap<>();
    left.forEach(r -> excess.merge(r, 1, Integer::sum));
    right.forEach(r -> excess.merge(r, -1, Integer::sum));
    List<String> onlyLeft = new ArrayList<>();
    List<String> onlyRight = new ArrayList<>();
    excess.forEach(
        (row, n) -> {
          for (int i = 0; i < Math.abs(n); i++) {
            (n > 0 ? onlyLeft : onlyRight).add(row.toString());
          }
        });
    if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
      onlyLeft.sort(null);
      onlyRight.sort(null);
      throw new AssertionError(
          String.format(
              "%s: %s %d rows, %s %d rows; %d only in %s, e.g. %s; %d only in %s, e.g. %s",
              what,
              leftName,
              left.size(),
              rightName,
              right.size(),
              onlyLeft.size(),
              leftName,
              onlyLeft.subList(0, Math.min(5, onlyLeft.size())),
              onlyRight.size(),
              rightName,
              onlyRight.subList(0, Math.min(5, onlyRight.size()))));
    }
  }

  /** Rows written one JSON array per line, NULL as null, every value as its text. */
  public static List<List<String>> jsonRows(Path file) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<List<String>> rows = new ArrayList<>();
    for (String line :
        java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
      List<String> row = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode v : json.readTree(line)) {
        row.add(v.isNull() ? null : v.asText());
      }
      rows.add(row);
    }
    return rows;
  }

  public static Path importFolder(Path out) {
    return out.resolve("import");
  }

  public static List<List<String>> jobRows(Path out) throws IOException {
    return ImportCsv.rows(importFolder(out));
  }
}
