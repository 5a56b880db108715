package io.reengage.job.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed test data sets and the pieces of them the tests generate at run time. */
final class Corpora {

  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();
  static final Path EVENTS = TESTDATA.resolve("events");
  static final Path EXPECTED = TESTDATA.resolve("expected/unengaged-2026-08-31.csv");
  static final Path HOSTILE = TESTDATA.resolve("hostile");
  static final Path HOSTILE_EXPECTED = HOSTILE.resolve("expected/unengaged-2026-08-31.csv");

  /** The run both data sets were derived for (testdata/README.md, testdata/hostile/README.md). */
  static final String[] AS_OF = {"--as-of", "2026-08-31", "--until", "2026-09-01T00:00:00Z"};

  /** Where the several-MB record goes: campaign D6's folder (testdata/hostile/README.md). */
  static final String BIG_RECORD_FILE =
      "2026/04/22/09/pinpoint-email-events-1-2026-04-22-09-30-00-b16b16b1";

  private Corpora() {}

  /**
   * A copy of testdata/hostile/events/ with the several-MB record added (story 26), ready to run.
   *
   * @return the events folder inside {@code dir}
   */
  static Path hostileEvents(Path dir) throws IOException {
    Path events = dir.resolve("hostile");
    copyTree(HOSTILE.resolve("events"), events);
    byte[] big = bigRecord();
    byte[] line = new byte[big.length + 1];
    System.arraycopy(big, 0, line, 0, big.length);
    line[big.length] = '\n';
    Files.write(events.resolve(BIG_RECORD_FILE), line);
    return events;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
  }

  /**
   * Story 26 of testdata/hostile/README.md: the sixth delivery to big-record@example.net in one
   * record of about 7 MB. The bulk is 25,000 headers and a 1 MB subject full of braces, escaped
   * quotes and backslashes, all before the destination, so the whole record must be read past.
   */
  static byte[] bigRecord() {
    StringBuilder sb = new StringBuilder(8 << 20);
    sb.append("{\"event_type\":\"_email.delivered\",\"event_timestamp\":1776848425100,")
        .append("\"arrival_timestamp\":1776848426000,\"event_version\":\"3.1\",")
        .append("\"attributes\":{\"campaign_id\":\"c-big\"},\"awsAccountId\":\"123456789012\",")
        .append("\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{")
        .append("\"message_id\":\"0100018f-big\",\"headers_truncated\":false,\"headers\":[");
    String value = "v".repeat(180) + " }{ ][ \\\" \\\\ ";
    for (int i = 0; i < 25_000; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"name\":\"X-Filler-")
          .append(i)
          .append("\",\"value\":\"")
          .append(value)
          .append("\"}");
    }
    sb.append("],\"common_headers\":{\"subject\":\"");
    String chunk = "Sale {\\\"now\\\"} }{ \\\\ ";
    while (sb.length() < 7_000_000) {
      sb.append(chunk);
    }
    sb.append("\"},\"destination\":[\"big-record@example.net\"]},")
        .append("\"delivery\":{\"smtp_response\":\"250 2.6.0 Message received\"}}}}}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
