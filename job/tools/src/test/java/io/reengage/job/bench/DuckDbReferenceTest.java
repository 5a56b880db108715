package io.reengage.job.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.Main;
import io.reengage.job.generate.EdgeCases;
import io.reengage.job.generate.EventGenerator;
import io.reengage.job.generate.GeneratorSettings;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.testing.ImportFolder;
import io.reengage.job.testing.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark's DuckDB reference is only worth comparing against when it computes the same rows:
 * it must reproduce the hand-derived CSV of {@code testdata/} and, on generated data with the
 * SPEC.md edge cases, the job's own output row for row.
 */
class DuckDbReferenceTest {

  static final Path TESTDATA = Path.of("../../testdata").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void reproducesTheHandDerivedTestdataRows() throws Exception {
    LocalDate asOf = LocalDate.parse("2026-08-31");
    DuckDbReference.Outcome outcome =
        DuckDbReference.run(
            TESTDATA.resolve("events").toString(),
            RuleParameters.defaults(asOf, until(asOf)),
            // testdata holds Firehose's concatenated records next to newline-delimited ones.
            DuckDbRules.Records.CONCATENATED,
            tmp,
            "512MB",
            2);

    assertThat(outcome.unengaged()).isEqualTo(32);
    assertThat(ImportFolder.sortedRows(tmp.resolve("import")))
        .containsExactlyElementsOf(
            ImportFolder.expectedRows(TESTDATA.resolve("expected/unengaged-2026-08-31.csv")));
  }

  @ParameterizedTest(name = "as-of {0}, until {1}")
  @CsvSource({"2026-08-31, ''", "2024-02-29, 2024-02-29T13:00:01Z"})
  void agreesWithTheJobOnGeneratedEdgeCases(String asOfText, String untilText) throws Exception {
    LocalDate asOf = LocalDate.parse(asOfText);
    Path events = tmp.resolve("events");
    new EventGenerator(
            GeneratorSettings.builder(asOf)
                .addresses(60)
                .days(330)
                .daysAfter(2)
                .eventsPerDay(30)
                .seed(17)
                .edgeCases(true)
                .duplicateRate(0.03)
                .lateRate(0.05)
                .bufferSeconds(86400)
                .build())
        .threads(2)
        .generate(events);
    long untilMillis = untilText.isEmpty() ? until(asOf) : Instant.parse(untilText).toEpochMilli();

    SparkTestSession.get();
    Path job = tmp.resolve("job");
    int code =
        Main.execute(
            "segment",
            "--events",
            events.toString(),
            // Day-long buffers put records in folders the job's hour pruning (made for Firehose's
            // 900 s limit) rightly skips; read every file, as DuckDB does.
            "--layout",
            "flat",
            "--as-of",
            asOfText,
            "--until",
            Instant.ofEpochMilli(untilMillis).toString(),
            "--out",
            job.toString());
    assertThat(code).isZero();

    Path duck = tmp.resolve("duck");
    DuckDbReference.run(
        events.toString(),
        RuleParameters.defaults(asOf, untilMillis),
        DuckDbRules.Records.CONCATENATED,
        duck,
        "512MB",
        2);

    List<String> jobRows = ImportFolder.sortedRows(job.resolve("import"));
    List<String> duckRows = ImportFolder.sortedRows(duck.resolve("import"));
    assertThat(jobRows)
        .as("some addresses qualify")
        .hasSizeGreaterThan(EdgeCases.expectedUnengaged().size() / 2);
    assertThat(duckRows).containsExactlyElementsOf(jobRows);
    if (untilText.isEmpty()) {
      // The generator's hand-written expectations hold for its as-of date and the default until.
      assertThat(edgeRows(duck.resolve("import/part-00000.csv")))
          .isEqualTo(EdgeCases.expectedUnengaged());
    }
  }

  private static long until(LocalDate asOf) {
    return asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Edge-case address to num_delivered, parsing the file as RFC 4180 (an address may hold a quoted
   * line break, which {@link ImportFolder#sortedRows} splits).
   */
  private static Map<String, Integer> edgeRows(Path csv) throws Exception {
    Map<String, Integer> edge = new HashMap<>();
    for (List<String> row : records(Files.readString(csv, StandardCharsets.UTF_8))) {
      String address = row.get(1);
      if (address.toLowerCase(Locale.ROOT).contains("@edge.example.com")) {
        edge.put(address, Integer.parseInt(row.get(6)));
      }
    }
    return edge;
  }

  /** Data records of an RFC 4180 text with a header line. */
  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return records.subList(1, records.size());
  }
}
