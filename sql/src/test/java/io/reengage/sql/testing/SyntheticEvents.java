package io.reengage.sql.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Small random Pinpoint event sets in Firehose's folder layout, built around one as-of date so that
 * many events fall on the edges the query is sensitive to: window starts and until to the
 * millisecond, the same second, DISTINCT duplicates, repeated and unusable array elements,
 * addresses that differ only in case or white space. Nothing here knows the expected result: the
 * data only has to make the two engines work; they must then agree.
 */
public final class SyntheticEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
  private static final long DAY = 86_400_000L;

  private final Random random;
  private final List<String> addresses = new ArrayList<>();
  private final long deliveredStart;
  private final long engagementStart;
  private final long until;
  private final List<ObjectNode> records = new ArrayList<>();
  private final List<Long> arrivals = new ArrayList<>();
  private int messages;

  private SyntheticEvents(long seed, LocalDate asOf, int addressCount) {
    this.random = new Random(seed);
    this.deliveredStart = midnight(asOf.minusMonths(10));
    this.engagementStart = midnight(asOf.minusMonths(6));
    this.until = midnight(asOf.plusDays(1));
    for (int i = 0; i < addressCount; i++) {
      addresses.add(address(i));
    }
  }

  /**
   * Writes a set for {@code asOf} into {@code folder} and returns the number of records written.
   */
  public static int write(Path folder, long seed, LocalDate asOf, int addressCount)
      throws IOException {
    SyntheticEvents s = new SyntheticEvents(seed, asOf, addressCount);
    s.plan();
    return s.writeFiles(folder);
  }

  private static long midnight(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Mostly plain addresses, with a share of the kinds that trip up exact matching and CSV output.
   */
  private String address(int i) {
    return switch (i % 23) {
      case 3 -> "Mixed" + (i / 23) + "@Example.com";
      case 4 -> "mixed" + (i / 23) + "@example.com";
      case 7 -> " spaced" + (i / 23) + "@example.com";
      case 9 -> "\"last,first" + i + "\"@example.org";
      case 11 -> "quote\"" + i + "@example.org";
      case 13 -> "zo\u00eb" + i + "@exampl\u00e9.org";
      case 15 -> "\ud83d\ude00" + i + "@example.net";
      case 17 -> "line\nbreak" + i + "@example.com";
      default -> "user" + i + "@example.com";
    };
  }

  private void plan() {
    long start = deliveredStart - 40 * DAY;
    long end = until + 3 * DAY;
    // Every address receives a stream of messages; the rate varies so that the threshold of six
    // matters.
    for (String address : addresses) {
      int count = random.nextInt(14);
      for (int k = 0; k < count; k++) {
        message(List.of(address), start + (long) (random.nextDouble() * (end - start)), true);
      }
    }
    // Unusable and nearly unusable addresses with enough deliveries and no engagement to be
    // selected by the
    // query: the job must drop exactly the NULL, empty and white-space-only ones (U+00A0, U+0085,
    // U+001C
    // count as white space for it; U+200B does not).
    for (String odd :
        java.util.Arrays.asList(null, "", " ", "\t\t", "\u00a0", "\u0085", "\u001c", "\u200b")) {
      for (int k = 0; k < 8; k++) {
        long sent =
            deliveredStart
                + DAY
                + (long) (random.nextDouble() * (until - deliveredStart - 2 * DAY));
        message(java.util.Collections.singletonList(odd), sent, false);
      }
    }
    // Messages with several recipients, repeated elements and unusable ones.
    for (int k = 0; k < addresses.size(); k++) {
      List<String> to = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int j = 0; j < n; j++) {
        to.add(pick());
      }
      switch (random.nextInt(8)) {
        case 0 -> to.add(to.get(0));
        case 1 -> to.add("");
        case 2 -> to.add(null);
        case 3 -> to.add(" \t");
        default -> {}
      }
      message(to, start + (long) (random.nextDouble() * (end - start)), true);
    }
    // Events on the edges: each window start and until, to the millisecond.
    long[] edges = {deliveredStart, engagementStart, until};
    long[] offsets = {-1000, -1, 0, 1, 400, 999, 1000, 1001};
    for (long edge : edges) {
      for (long offset : offsets) {
        for (int r = 0; r < 3; r++) {
          String type = random.nextInt(3) == 0 ? engagementType() : "_email.delivered";
          event(type, List.of(pick()), edge + offset, "edge-" + edge + offset);
        }
      }
    }
    // Arrays that are empty or null, and records without the facets path at all.
    for (int k = 0; k < 20; k++) {
      long t = start + (long) (random.nextDouble() * (end - start));
      ObjectNode r = base(random.nextBoolean() ? "_email.delivered" : "_email.open", t, "odd-" + k);
      switch (k % 3) {
        case 0 -> destinationNode(r).putArray("destination");
        case 1 -> destinationNode(r).putNull("destination");
        default -> r.remove("facets");
      }
      add(r, t);
    }
  }

  private String pick() {
    return addresses.get(random.nextInt(addresses.size()));
  }

  private String engagementType() {
    return random.nextBoolean() ? "_email.open" : "_email.click";
  }

  /**
   * One message: a send, a delivery per recipient (each naming every recipient), maybe opens and
   * clicks.
   */
  private void message(List<String> to, long sent, boolean mayEngage) {
    String id = "m" + (messages++);
    event("_email.send", to, sent, id);
    for (int r = 0; r < to.size(); r++) {
      long delivered = sent + 200 + random.nextInt(2000);
      if (random.nextInt(12) == 0) {
        event(random.nextBoolean() ? "_email.hardbounce" : "_email.softbounce", to, delivered, id);
        continue;
      }
      event("_email.delivered", to, delivered, id);
      // Firehose retries: the same record again.
      if (random.nextInt(15) == 0) {
        event("_email.delivered", to, delivered, id);
      }
      // Another record in the same millisecond with the same array: DISTINCT keeps one row.
      if (random.nextInt(25) == 0) {
        event("_email.delivered", to, delivered, id + "-twin");
      }
    }
    int engagement = mayEngage ? random.nextInt(10) : 9;
    if (engagement < 2) {
      long opened = sent + 60_000 + (long) (random.nextDouble() * 20 * DAY);
      event("_email.open", to, opened, id);
      if (engagement == 0) {
        // A click in the same millisecond as the open: one engagement row after DISTINCT.
        event("_email.click", to, random.nextBoolean() ? opened : opened + 5_000, id);
      }
    } else if (engagement == 2) {
      // Not engagement: wrong case, unsubscribes, complaints.
      String[] types = {"_email.Open", "_email.unsubscribe", "_email.complaint"};
      event(types[random.nextInt(types.length)], to, sent + 3_600_000, id);
    }
  }

  private void event(String type, List<String> to, long arrival, String messageId) {
    ObjectNode r = base(type, arrival, messageId);
    ArrayNode d = destinationNode(r).putArray("destination");
    to.forEach(d::add);
    add(r, arrival);
  }

  private ObjectNode base(String type, long arrival, String messageId) {
    ObjectNode r = JSON.createObjectNode();
    r.put("event_type", type);
    r.put("event_timestamp", arrival - 150);
    r.put("arrival_timestamp", arrival);
    r.putObject("application").put("app_id", "4f1c0a");
    r.putObject("client").put("client_id", messageId);
    ObjectNode mail = destinationNode(r);
    mail.put("message_id", messageId);
    mail.put("from_address", "news@example.com");
    mail.putObject("common_headers").put("subject", "Hello {there} \"}{\" " + messageId);
    return r;
  }

  private static ObjectNode destinationNode(ObjectNode r) {
    ObjectNode facets = r.has("facets") ? (ObjectNode) r.get("facets") : r.putObject("facets");
    ObjectNode channel =
        facets.has("email_channel")
            ? (ObjectNode) facets.get("email_channel")
            : facets.putObject("email_channel");
    ObjectNode event =
        channel.has("mail_event")
            ? (ObjectNode) channel.get("mail_event")
            : channel.putObject("mail_event");
    return event.has("mail") ? (ObjectNode) event.get("mail") : event.putObject("mail");
  }

  private void add(ObjectNode record, long arrival) {
    records.add(record);
    arrivals.add(arrival);
  }

  /**
   * Writes each UTC day's records as one object in that day's last hour folder ({@code
   * YYYY/MM/DD/23}): up to 24 hours after their arrival, which Firehose's layout allows and the
   * job's default late-arrival slack covers, and few files, because the job's cost on tiny sets is
   * per file. Formats vary per object.
   */
  private int writeFiles(Path folder) throws IOException {
    Map<String, List<String>> byFolder = new TreeMap<>();
    for (int i = 0; i < records.size(); i++) {
      long dayEnd = Math.floorDiv(arrivals.get(i), DAY) * DAY + 23 * 3_600_000L;
      byFolder
          .computeIfAbsent(FOLDER.format(Instant.ofEpochMilli(dayEnd)), k -> new ArrayList<>())
          .add(JSON.writeValueAsString(records.get(i)));
    }
    int n = 0;
    for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
      List<String> lines = e.getValue();
      int format = random.nextInt(5);
      String body =
          switch (format) {
            case 0, 3 -> String.join("", lines); // concatenated, no delimiter
            case 1 -> String.join("\r\n", lines) + "\r\n";
            default -> String.join("\n", lines) + "\n";
          };
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      boolean gzip = format >= 3;
      if (gzip) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buffer)) {
          gz.write(bytes);
        }
        bytes = buffer.toByteArray();
      }
      Path dir = folder.resolve(e.getKey());
      Files.createDirectories(dir);
      String name =
          "pinpoint-email-events-1-"
              + e.getKey().replace('/', '-')
              + "-00-00-"
              + String.format("%08x", n)
              + (gzip ? ".gz" : "");
      Files.write(dir.resolve(name), bytes);
      n += lines.size();
    }
    return n;
  }
}
