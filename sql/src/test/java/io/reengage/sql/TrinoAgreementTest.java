package io.reengage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.sql.testing.Agreement;
import io.reengage.sql.testing.EventFiles;
import io.reengage.sql.testing.EventFiles.Event;
import io.reengage.sql.testing.ImportCsv;
import io.reengage.sql.testing.JobCli;
import io.reengage.sql.testing.QueryTexts;
import io.reengage.sql.testing.SyntheticEvents;
import io.reengage.sql.testing.TrinoEngine;
import io.trino.testing.MaterializedResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The original Athena query, run verbatim (but for its table name) by in-process Trino with
 * current_date pinned, against the job run as a user runs it, on the same event files. Rows must be
 * equal as multisets.
 *
 * <p>The original has no upper bound on arrival_timestamp, so Trino's table holds only the events
 * with {@code arrival_timestamp < until}: exactly what the parameterised form's added predicate
 * keeps, which each case also checks by running that form over all the events.
 *
 * <p>The job runs start first, in one separate JVM, and work while Trino loads and queries the same
 * files.
 */
class TrinoAgreementTest {

  static final Path TESTDATA = QueryTexts.repositoryRoot().resolve("testdata/events");

  /** A data set, an as-of date, and where the job and the Spark SQL port write their results. */
  record Case(String name, Path events, LocalDate asOf, String layout, Path out, Path portOut) {
    Instant until() {
      return Agreement.defaultUntil(asOf);
    }

    List<String> portArgs() {
      return List.of(
          "port",
          events.toString(),
          asOf.toString(),
          Long.toString(until().toEpochMilli()),
          QueryTexts.repositoryRoot().resolve("sql/" + QueryTexts.SPARK_PORT).toString(),
          portOut.toString());
    }

    List<String> jobArgs() {
      return List.of(
          "segment",
          "--events",
          events.toString(),
          "--as-of",
          asOf.toString(),
          "--until",
          until().toString(),
          "--layout",
          layout,
          "--out",
          out.toString());
    }
  }

  @TempDir static Path tmp;
  static final Map<String, Case> CASES = new LinkedHashMap<>();
  static final Map<Path, EventFiles.Load> LOADS = new LinkedHashMap<>();
  static final Map<Path, String> UNBOUNDED = new LinkedHashMap<>();
  static JobCli.Batch jobs;
  static TrinoEngine trino;
  static int tables;

  /** Generated sets: seed, as-of date (a leap day, a year end, a month end that clamps). */
  static final Map<Long, String> GENERATED = new LinkedHashMap<>();

  static {
    GENERATED.put(21L, "2028-02-29");
    GENERATED.put(22L, "2026-12-31");
    GENERATED.put(23L, "2027-03-31");
  }

  @BeforeAll
  static void start() throws Exception {
    // As-of dates on testdata: the hand-checked one, and month ends that move every window edge.
    for (String day : List.of("2026-08-31", "2026-06-30", "2026-07-31", "2026-12-31")) {
      addCase("testdata " + day, TESTDATA, LocalDate.parse(day), "firehose");
    }
    // A small hand-made random set, dense on every edge and with selectable unusable addresses.
    Path own = tmp.resolve("synthetic-7");
    SyntheticEvents.write(own, 7L, LocalDate.parse("2027-08-31"), 240);
    addCase("synthetic 7 2027-08-31", own, LocalDate.parse("2027-08-31"), "firehose");
    // Sets from the job's generator, with its edge cases (about 25 000 records each). They are
    // written with
    // one-day Firehose buffers to keep the file count (and the job's per-file cost) low. Firehose
    // buffers
    // at most 900 s, and the job's folder pruning allows an hour between an object's folder and its
    // records; a one-day buffer breaks that, so the job reads these sets as a flat folder (no
    // pruning).
    // testdata and the synthetic set above exercise the pruning.
    List<List<String>> runs = new ArrayList<>();
    for (Map.Entry<Long, String> g : GENERATED.entrySet()) {
      Path events = tmp.resolve("generated-" + g.getKey());
      runs.add(
          List.of(
              "generate",
              events.toString(),
              g.getValue(),
              g.getKey().toString(),
              "300",
              "400",
              "60"));
      addCase(
          "generated " + g.getKey() + " " + g.getValue(),
          events,
          LocalDate.parse(g.getValue()),
          "flat");
    }
    // Then per case the job and the Spark SQL port: run i of case k is at GENERATED.size() + 2k +
    // i.
    CASES.values().forEach(c -> runs.addAll(List.of(c.jobArgs(), c.portArgs())));
    jobs = JobCli.start(tmp.resolve("jobs"), runs);

    // Trino starts while the job JVM works, and reads what is already there.
    trino = new TrinoEngine();
    LOADS.put(TESTDATA, EventFiles.load(TESTDATA));
    LOADS.put(own, EventFiles.load(own));
    List<Integer> generated = jobs.awaitFirst(GENERATED.size());
    assertThat(generated).as("generator exit codes; log:%n%s", jobs.log()).containsOnly(0);
    for (Case c : CASES.values()) {
      if (!LOADS.containsKey(c.events())) {
        LOADS.put(c.events(), EventFiles.load(c.events()));
      }
    }
  }

  private static void addCase(String name, Path events, LocalDate asOf, String layout) {
    int k = CASES.size();
    CASES.put(
        name,
        new Case(
            name,
            events,
            asOf,
            layout,
            tmp.resolve("out-" + k),
            tmp.resolve("port-" + k + ".jsonl")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (trino != null) {
      trino.close();
    }
    if (jobs != null) {
      // A failure before every run was awaited must not leave the job JVM running.
      jobs.stop();
      // How long each run took, for anyone watching the test budget; the job logs counts only.
      jobs.log()
          .lines()
          .filter(l -> l.startsWith("=== run ") && l.contains(" exit "))
          .forEach(System.out::println);
    }
  }

  static Stream<String> cases() {
    return CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void originalOnTrino_equalsParameterisedForm_sparkPort_andJob(String name) throws Exception {
    Case c = CASES.get(name);
    List<Event> all = LOADS.get(c.events()).events();

    String bounded = newTable(Agreement.before(all, c.until()));
    MaterializedResult original = trino.query(Agreement.originalOn(bounded), c.asOf());
    assertThat(original.getColumnNames()).as("the import header").isEqualTo(ImportCsv.HEADER);

    // The parameterised form over every event, with current_date far off to show it is not used,
    // equals
    // the original over the bounded events, rows with unusable addresses included.
    String unbounded = UNBOUNDED.computeIfAbsent(c.events(), e -> newTable(all));
    MaterializedResult parameterised =
        trino.query(
            Agreement.parameterisedOn(unbounded, c.asOf(), c.until()), c.asOf().plusYears(3));
    Agreement.assertSameRows(
        name,
        "parameterised form",
        Agreement.rows(parameterised),
        "original",
        Agreement.rows(original));

    // The port keeps the query's semantics, unusable addresses included: its rows are the
    // original's.
    Agreement.assertSameRows(
        name, "Spark SQL port", portRows(c), "Trino", Agreement.rows(original));

    List<List<String>> trinoRows = withoutUnusableAddresses(original);
    List<List<String>> jobRows = jobRows(c);
    Agreement.assertSameRows(name, "job CSV", jobRows, "Trino", trinoRows);
    assertThat(jobRows).as("a comparison of nothing proves nothing").isNotEmpty();
    if (name.equals("testdata 2026-08-31")) {
      // testdata/README.md derives these 32 rows by hand.
      assertThat(jobRows).hasSize(32);
    }
    if (name.startsWith("generated ")) {
      // The generator's edge cases come with a hand-written expectation (EdgeCases): the original
      // query on
      // Trino must select exactly those edge addresses, with those delivery counts.
      Map<String, Integer> edge = new LinkedHashMap<>();
      for (List<String> row : Agreement.rows(original)) {
        if (row.get(1) != null
            && row.get(1)
                .toLowerCase(java.util.Locale.ROOT)
                .strip()
                .endsWith("@edge.example.com")) {
          edge.put(row.get(1), Integer.valueOf(row.get(6)));
        }
      }
      assertThat(edge)
          .containsExactlyInAnyOrderEntriesOf(
              io.reengage.job.generate.EdgeCases.expectedUnengaged());
    }
    System.out.printf(
        "%s: %d events (%d before until), %d rows, %d of them with unusable addresses%n",
        name,
        all.size(),
        Agreement.before(all, c.until()).size(),
        original.getRowCount(),
        original.getRowCount() - trinoRows.size());
  }

  @Test
  void trinoTables_holdEveryStringAsLoaded() {
    // What the loader gives Trino comes back unchanged: quotes, backslashes, line breaks, astral
    // characters, NULL and empty elements.
    List<String> destination =
        java.util.Arrays.asList(
            "o'neil@x", "back\\slash\"q", "line\nbreak", "\ud83d\ude00@x", null, "", "\u0000");
    String table = newTable(List.of(new Event("_email.delivered", 5L, destination)));
    MaterializedResult r =
        trino.query(
            "SELECT d FROM "
                + TrinoEngine.qualified(table)
                + " CROSS JOIN UNNEST(facets.email_channel.mail_event.mail.destination) WITH ORDINALITY AS t(d, i)"
                + " ORDER BY i",
            LocalDate.parse("2026-01-01"));
    assertThat(r.getMaterializedRows().stream().map(row -> (String) row.getField(0)).toList())
        .isEqualTo(destination);
  }

  @Test
  void independentLoader_readsEveryTestdataRecord() {
    // testdata/README.md: 46 files, 718 records, none malformed or wrongly typed.
    EventFiles.Load load = LOADS.get(TESTDATA);
    assertThat(load.files()).isEqualTo(46);
    assertThat(load.records()).isEqualTo(718);
    assertThat(load.skipped()).isZero();
  }

  @Test
  void aDayLaterOnTheTrinoSide_isADifference() throws Exception {
    // The comparison must be able to fail. A day later (same until), the engagement window starts
    // after
    // the open of clamp-open-feb28@example.com (testdata/README.md), so Trino returns a row the job
    // at 2026-08-31 does not.
    Case c = CASES.get("testdata 2026-08-31");
    String bounded = newTable(Agreement.before(LOADS.get(c.events()).events(), c.until()));
    List<List<String>> dayLater =
        withoutUnusableAddresses(trino.query(Agreement.originalOn(bounded), c.asOf().plusDays(1)));
    assertThat(dayLater).isNotEmpty();
    assertThat(Agreement.sorted(dayLater)).isNotEqualTo(Agreement.sorted(jobRows(c)));
  }

  /** The job's CSV rows for a case, once its run has ended with exit code 0. */
  static List<List<String>> jobRows(Case c) throws Exception {
    awaitRun(c, 0);
    return Agreement.jobRows(c.out());
  }

  /** The Spark SQL port's rows for a case, NULL as null. */
  static List<List<String>> portRows(Case c) throws Exception {
    awaitRun(c, 1);
    return Agreement.jsonRows(c.portOut());
  }

  private static void awaitRun(Case c, int which) throws Exception {
    int index = GENERATED.size() + 2 * new ArrayList<>(CASES.values()).indexOf(c) + which;
    int exit = jobs.await().get(index);
    assertThat(exit)
        .as(
            "exit code of the %s run for %s; log:%n%s",
            which == 0 ? "job" : "port", c.name(), jobs.log())
        .isZero();
  }

  /**
   * Trino's rows as CSV fields, without the rows whose address is NULL, empty or white space only:
   * the query keeps those, the job drops them (SPEC.md, deviation "Unusable addresses").
   */
  static List<List<String>> withoutUnusableAddresses(MaterializedResult result) {
    return Agreement.asCsvFields(
        Agreement.rows(result).stream().filter(r -> !Agreement.unusableAddress(r)).toList());
  }

  static String newTable(List<Event> events) {
    String name = "events_" + (++tables);
    trino.createTable(name, events);
    return name;
  }
}
