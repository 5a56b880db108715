package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a user sees on the console, in a JVM of its own so Spark's and Hadoop's output is
 * included: a run ends with one line of our own (what, where, how to fix on failure), no stack
 * trace, and no email address from the input, neither on success nor on failure, even with bad
 * records and unreadable files in the input.
 */
class ConsoleOutputTest {

  /** Anything shaped like an email address. */
  static final Pattern ADDRESS_LIKE =
      Pattern.compile("[^\\s@\"',;<>()\\[\\]=:/]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  @TempDir static Path tmp;
  static Path hostile;
  static Set<String> inputAddresses;

  @BeforeAll
  static void prepareTheHostileCorpus() throws Exception {
    hostile = Corpora.hostileEvents(tmp);
    inputAddresses = addressesIn(Corpora.HOSTILE.resolve("valid-records.ndjson"), Corpora.EXPECTED);
    inputAddresses.add("big-record@example.net");
  }

  /** The addresses the inputs name (read as ISO-8859-1, so any byte sequence survives). */
  static Set<String> addressesIn(Path... files) throws IOException {
    Set<String> found = new TreeSet<>();
    for (Path f : files) {
      Matcher m =
          Pattern.compile("[A-Za-z0-9._%+-]+@example\\.(?:net|com|org)")
              .matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      while (m.find()) {
        found.add(m.group());
      }
    }
    return found;
  }

  static Forked.Result segment(Path events, Path out, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("segment", "--events", events.toString(), "--out", out.toString()));
    args.addAll(List.of(Corpora.AS_OF));
    args.addAll(List.of(more));
    return Forked.run(args.toArray(String[]::new));
  }

  static void assertNoAddressIn(Forked.Result r) {
    assertThat(inputAddresses).hasSizeGreaterThan(30);
    for (String address : inputAddresses) {
      assertThat(r.output()).as("console output").doesNotContain(address);
      String local = address.substring(0, address.indexOf('@'));
      if (local.contains("-")) {
        assertThat(r.output()).as("console output").doesNotContain(local);
      }
    }
    Matcher m = ADDRESS_LIKE.matcher(r.output());
    assertThat(m.find() ? m.group() : null).as("an address-like string on the console").isNull();
  }

  static void assertOneLineNoTrace(Forked.Result r) {
    assertThat(r.reengageLines()).as(r.output()).hasSize(1);
    assertThat(r.stackTraceLines()).as(r.output()).isEmpty();
  }

  @Test
  void aRunOverBadRecordsAndUnreadableFiles_printsCountsOnly() throws Exception {
    Forked.Result r = segment(hostile, tmp.resolve("ok"), "--max-bad-fraction", "0.2");
    assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.OK);
    assertOneLineNoTrace(r);
    assertThat(r.reengageLines().get(0)).startsWith("reengage: 11 unengaged of 27 addresses");
    assertThat(r.output())
        .contains("182 records (20 bad, 9 ignored types)", "3 files could not be read completely");
    assertNoAddressIn(r);
  }

  @Test
  void tooManyBadRecords_oneLine_noAddress() throws Exception {
    Forked.Result r = segment(hostile, tmp.resolve("limit"));
    assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.FAILED);
    assertOneLineNoTrace(r);
    assertThat(r.reengageLines().get(0))
        .contains(
            "Too many bad records in --events " + hostile, "20 of 182", "raise --max-bad-fraction");
    assertNoAddressIn(r);
    assertThat(tmp.resolve("limit/summary.json")).doesNotExist();
  }

  @Test
  void missingInput_oneLine() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    Forked.Result r = segment(missing, tmp.resolve("missing"));
    assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.FAILED);
    assertOneLineNoTrace(r);
    assertThat(r.reengageLines().get(0))
        .isEqualTo(
            "reengage: Cannot read --events " + missing + ": it does not exist (check the path)");
  }

  @Test
  void unwritableOutput_oneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    Forked.Result r = segment(Corpora.EVENTS, file.resolve("out"));
    assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.FAILED);
    assertOneLineNoTrace(r);
    assertThat(r.reengageLines().get(0))
        .startsWith("reengage: Cannot write to --out " + file.resolve("out"))
        .endsWith("(choose a folder you can write to)");
  }

  @Test
  void invalidDate_oneLineAndAPointerToHelp() throws Exception {
    Forked.Result r = Forked.run("segment", "--events", "x", "--out", "y", "--as-of", "2026-13-01");
    assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.USAGE);
    assertOneLineNoTrace(r);
    assertThat(r.reengageLines().get(0)).contains("'2026-13-01' is not a date (use YYYY-MM-DD");
    assertThat(r.output()).contains("Run 'reengage segment --help' for the options.");
  }
}
