package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EventFileReaderTest {

  static final ReadFilter ALL =
      ReadFilter.allTimes(Set.of("_email.delivered", "_email.open", "_email.click"));

  static String event(String type, long ts, String to) {
    return "{\"event_type\":\""
        + type
        + "\",\"arrival_timestamp\":"
        + ts
        + ",\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":[\""
        + to
        + "\"]}}}}}";
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  record Seen(List<String> events, ReadCounts counts) {}

  static Seen read(byte[] data, ReadFilter filter) throws IOException {
    List<String> events = new ArrayList<>();
    ReadCounts counts = new ReadCounts();
    new EventFileReader(filter)
        .readAll(
            new ByteArrayInputStream(data),
            counts,
            (type, ts, to, machine) -> events.add(type + "|" + ts + "|" + Arrays.toString(to)));
    return new Seen(events, counts);
  }

  @Test
  void gzipIsDetectedByContent_notByName() throws IOException {
    String text =
        event("_email.delivered", 1, "a@example.com") + event("_email.open", 2, "b@example.com");
    Seen seen = read(gzip(text.getBytes(StandardCharsets.UTF_8)), ALL);
    assertThat(seen.events())
        .containsExactly("_email.delivered|1|[a@example.com]", "_email.open|2|[b@example.com]");
  }

  @Test
  void concatenatedGzipMembers_areAllRead() throws IOException {
    byte[] one =
        gzip((event("_email.click", 1, "a@example.com") + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] two = gzip(event("_email.click", 2, "b@example.com").getBytes(StandardCharsets.UTF_8));
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    assertThat(read(both, ALL).events()).hasSize(2);
  }

  @Test
  void truncatedGzip_yieldsTheRecordsBeforeTheDamageThenFails() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append(event("_email.delivered", i, "t" + i + "@example.com")).append('\n');
    }
    byte[] whole = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    List<String> events = new ArrayList<>();
    ReadCounts counts = new ReadCounts();
    assertThatThrownBy(
            () ->
                new EventFileReader(ALL)
                    .readAll(
                        new ByteArrayInputStream(cut),
                        counts,
                        (type, ts, to, machine) -> events.add(to[0])))
        .isInstanceOf(EOFException.class);
    assertThat(events).isNotEmpty().hasSizeLessThan(2000);
    assertThat(events.get(0)).isEqualTo("t0@example.com");
  }

  @Test
  void countsEveryKindOfRecord_andAppliesTheTimeRange() throws IOException {
    String text =
        event("_email.delivered", 100, "in@example.com")
            + "\n"
            + event("_email.delivered", 99, "before@example.com")
            + "\n"
            + event("_email.open", 200, "at-until@example.com")
            + "\n"
            + event("_email.send", 150, "ignored@example.com")
            + "\n"
            + "{\"event_type\":\"_email.open\",\"arrival_timestamp\":\"150\"}\n"
            + "garbage\n";
    Seen seen =
        read(text.getBytes(StandardCharsets.UTF_8), new ReadFilter(ALL.eventTypes(), 100, 200));
    assertThat(seen.events()).containsExactly("_email.delivered|100|[in@example.com]");
    ReadCounts c = seen.counts();
    assertThat(c.records).isEqualTo(6);
    assertThat(c.events).isEqualTo(1);
    assertThat(c.outOfRange).isEqualTo(2);
    assertThat(c.ignoredRecords).isEqualTo(1);
    assertThat(c.badRecords).isEqualTo(2);
  }

  @Test
  void emptyAndWhitespaceFiles_areFine() throws IOException {
    assertThat(read(new byte[0], ALL).counts().records).isZero();
    assertThat(read(" \r\n\n".getBytes(StandardCharsets.UTF_8), ALL).counts().records).isZero();
  }
}
