package io.reengage.job.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.cli.ExitCodes;
import io.reengage.job.read.EventRecordParser;
import io.reengage.job.read.EventTypeFilter;
import io.reengage.job.read.RecordSplitter;
import io.reengage.job.testing.ImportFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records that the committed corpus does not hold, each with a story whose expected row is
 * derived by hand (campaign hours D1..D6 as in testdata/hostile/README.md, slot s arriving s
 * seconds after the hour):
 *
 * <ul>
 *   <li>resync@example.net (slot 1): D1..D5 valid; its D6 record is the line after a record cut off
 *       after a number (no closing brace). Only the cut line is bad: n = 6, exported.
 *   <li>dup-facets@example.net (slot 2): D1..D5 valid; its D6 record repeats {@code facets}, and
 *       the second one has no destination. The last value wins (the parser's stated rule): n = 5.
 *   <li>lone surrogate (slot 3): six deliveries to an address written with an unpaired surrogate
 *       escape ({@code \ud800}), which no UTF-8 CSV can hold. Writing it would put a different
 *       address (with {@code ?}) in the import: it must not be exported in any form.
 * </ul>
 */
class HostileRecordsTest {

  static final long[] D = {
    1762938000000L, 1764752400000L, 1768381200000L, 1770195600000L, 1773824400000L, 1776848400000L
  };

  @TempDir Path tmp;

  static String delivered(long arrival, String destinationJson) {
    return "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":"
        + arrival
        + ",\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":"
        + destinationJson
        + "}}}}}";
  }

  static String to(String address) {
    return "[\"" + address + "\"]";
  }

  @Test
  void theJobSkipsOnlyWhatIsBroken_andExportsNoAlteredAddress() throws Exception {
    StringBuilder a = new StringBuilder();
    for (int k = 0; k < 5; k++) {
      a.append(delivered(D[k] + 1000, to("resync@example.net"))).append('\n');
      a.append(delivered(D[k] + 2000, to("dup-facets@example.net"))).append('\n');
    }
    for (int k = 0; k < 6; k++) {
      a.append(delivered(D[k] + 3000, to("lone\\ud800@example.net"))).append('\n');
    }
    String cut = delivered(D[5] + 9000, to("cut@example.net"));
    String b =
        cut.substring(0, cut.indexOf("\"facets\""))
            + "\n" // ends after the timestamp and a comma
            + delivered(D[5] + 1000, to("resync@example.net"))
            + "\n"
            + delivered(D[5] + 2000, to("dup-facets@example.net"))
                .replaceFirst(
                    "}$", ",\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{}}}}}")
            + "\n";
    Path events = tmp.resolve("events/2026/04/22/09");
    Files.createDirectories(events);
    Files.writeString(events.resolve("pinpoint-email-events-1-2026-04-22-09-00-00-0000000a"), a);
    Files.writeString(events.resolve("pinpoint-email-events-1-2026-04-22-09-10-00-0000000b"), b);

    List<String> args =
        new ArrayList<>(
            List.of(
                "segment",
                "--events",
                tmp.resolve("events").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--max-bad-fraction",
                "0.5"));
    args.addAll(List.of(Corpora.AS_OF));
    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(ImportFolder.sortedRows(tmp.resolve("out/import")))
        .containsExactly(
            "EMAIL,resync@example.net,resync@example.net,1776848401000,1762938001000,,6");
  }

  /**
   * The cause of the resync story, at the splitter: one truncated line must not swallow the file.
   */
  @Test
  void aLineCutOffOutsideAString_isOneMalformedRecord_andTheNextLinesAreRead() throws IOException {
    String text = "{\"a\":1,\"b\":2\n{\"c\":3}\n{\"d\":4}\n";
    List<String> seen = new ArrayList<>();
    new RecordSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20)
        .run(
            new RecordSplitter.Sink() {
              @Override
              public void record(byte[] buffer, int offset, int length) {
                seen.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
              }

              @Override
              public void malformed() {
                seen.add("!");
              }
            });
    assertThat(seen).containsExactly("!", "{\"c\":3}", "{\"d\":4}");
  }

  /** The cause of the dup-facets story, at the parser. */
  @Test
  void aRepeatedFacetsObject_replacesTheDestinationOfTheFirst() {
    byte[] json =
        delivered(1, to("first@example.net"))
            .replaceFirst("}$", ",\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{}}}}}")
            .getBytes(StandardCharsets.UTF_8);
    EventRecordParser parser =
        new EventRecordParser(new EventTypeFilter(Set.of("_email.delivered")));
    assertThat(parser.parse(json, 0, json.length)).isEqualTo(EventRecordParser.Outcome.EVENT);
    assertThat(parser.destination()).isNull();
  }
}
