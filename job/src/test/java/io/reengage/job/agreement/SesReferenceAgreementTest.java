package io.reengage.job.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reengage.job.read.EventColumns;
import io.reengage.job.read.EventFile;
import io.reengage.job.read.ReadCounts;
import io.reengage.job.read.ReadFilter;
import io.reengage.job.read.SparkEventReader;
import io.reengage.job.rules.RuleParameters;
import io.reengage.job.rules.UnengagedRules;
import io.reengage.job.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized SES and mixed Pinpoint/SES data sets, split over two roots, against an independent
 * reference: a plain-Java reading of SPEC.md over each raw record as a Jackson tree (no code of the
 * job's reader or rules), at two as-of dates. Rows, bad-record counts, per-source record counts and
 * machine-open flags must all agree.
 *
 * <p>The sets lean on what the SES mapping makes easy to get wrong: times with 0 to 9 fraction
 * digits and offsets near the window starts and until, deliveries whose recipients are a subset of
 * the message's, absent or null recipients, missing and null times, wrongly typed or zone-less
 * times, exact duplicates (the query's DISTINCT), keys in any order, and unusable addresses.
 */
class SesReferenceAgreementTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate[] AS_OF = {LocalDate.of(2026, 8, 31), LocalDate.of(2026, 6, 30)};

  @TempDir static Path tmp;

  @ParameterizedTest(name = "data set {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void jobAgreesWithThePlainReference(int seed) throws Exception {
    SparkSession spark = SparkTestSession.get();
    spark.conf().set("spark.sql.shuffle.partitions", "2");
    List<String> records = new DataSet(new Random(seed)).records();
    Path dir = tmp.resolve("set-" + seed);
    List<List<EventFile>> roots = write(records, dir, new Random(seed * 31L));

    int rowsSeen = 0;
    for (LocalDate asOf : AS_OF) {
      long until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      if (seed % 2 == 1) {
        until -= 3_600_000L * seed + 500; // a bound inside the day, not on a second
      }
      RuleParameters p = RuleParameters.defaults(asOf, until);
      Reference reference = new Reference(p);
      records.forEach(reference::record);

      SparkEventReader.RootsRead read =
          SparkEventReader.readRoots(
              spark,
              roots,
              new ReadFilter(p.countedTypes(), p.earliestRelevantMillis(), p.untilMillis()));
      Dataset<Row> events = read.events().cache();
      List<String> job = new ArrayList<>();
      for (Row r : UnengagedRules.unengaged(events, p).collectAsList()) {
        job.add(r.getString(0) + "|" + r.getLong(1) + "|" + r.getLong(2) + "|" + r.getLong(4));
      }
      Collections.sort(job);
      long machineOpens = events.where(EventColumns.MACHINE_OPEN).count();
      ReadCounts counts = read.total();
      events.unpersist();

      String what = "set " + seed + " as-of " + asOf;
      rowsSeen += reference.unengaged().size();
      assertThat(job).as(what).containsExactlyElementsOf(reference.unengaged());
      assertThat(counts.records).as(what).isEqualTo(records.size());
      assertThat(counts.badRecords).as(what + " bad").isEqualTo(reference.bad);
      assertThat(counts.sesRecords).as(what + " SES").isEqualTo(reference.ses);
      assertThat(counts.pinpointRecords).as(what + " Pinpoint").isEqualTo(reference.pinpoint);
      assertThat(machineOpens).as(what + " machine opens").isEqualTo(reference.machineOpens);
    }
    assertThat(rowsSeen).as("set " + seed + ": some rows at one of the dates").isPositive();
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  /** Spreads the records over two roots and files of each format a Firehose stream may write. */
  static List<List<EventFile>> write(List<String> records, Path dir, Random random)
      throws Exception {
    List<List<EventFile>> roots = List.of(new ArrayList<>(), new ArrayList<>());
    int file = 0;
    for (int i = 0; i < records.size(); ) {
      int n = 1 + random.nextInt(40);
      List<String> chunk = records.subList(i, Math.min(records.size(), i + n));
      i += chunk.size();
      String format = List.of("lf", "crlf", "concatenated", "gzip").get(file % 4);
      String body =
          String.join(
                  format.equals("crlf") ? "\r\n" : format.equals("concatenated") ? "" : "\n", chunk)
              + (format.equals("concatenated") ? "" : "\n");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (format.equals("gzip")) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(bytes);
        }
        bytes = out.toByteArray();
      }
      int root = random.nextInt(2);
      Path path = dir.resolve("root" + root).resolve("part-" + file++);
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
      roots.get(root).add(new EventFile(path.toUri().toString(), bytes.length));
    }
    return roots;
  }

  /** SPEC.md, read plainly: each record as a tree, then rules 1 to 6 on plain collections. */
  static final class Reference {
    final RuleParameters p;
    final long deliveredStart;
    final long engagementStart;
    long bad;
    long ses;
    long pinpoint;
    long machineOpens;
    final Set<List<Object>> deliveredRows = new HashSet<>();
    final Set<List<Object>> engagementRows = new HashSet<>();

    Reference(RuleParameters p) {
      this.p = p;
      this.deliveredStart = p.deliveredStartDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      this.engagementStart = p.engagementStartDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** Thrown for a record SPEC.md calls bad. */
    static final class Bad extends Exception {
      private static final long serialVersionUID = 1L;
    }

    void record(String line) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (Exception e) {
        bad++;
        return;
      }
      if (n == null || !n.isObject()) {
        bad++;
        return;
      }
      try {
        if (n.path("event_type").isTextual()) {
          pinpoint++;
          pinpointRecord(n);
        } else if (n.path("eventType").isTextual()) {
          ses++;
          sesRecord(n);
        } else if (present(n.get("event_type")) || present(n.get("eventType"))) {
          throw new Bad();
        }
      } catch (Bad e) {
        bad++;
      }
    }

    private void pinpointRecord(JsonNode n) throws Bad {
      String type = n.get("event_type").asText();
      if (!p.countedTypes().contains(type)) {
        return;
      }
      JsonNode ts = n.get("arrival_timestamp");
      Long millis = null;
      if (present(ts)) {
        if (!ts.isIntegralNumber() || !ts.canConvertToLong()) {
          throw new Bad();
        }
        millis = ts.asLong();
      }
      JsonNode node = n;
      for (String level : new String[] {"facets", "email_channel", "mail_event", "mail"}) {
        node = node.get(level);
        if (!present(node)) {
          node = null;
          break;
        }
        if (!node.isObject()) {
          throw new Bad();
        }
      }
      List<String> destination = node == null ? null : addresses(node.get("destination"));
      JsonNode open = n.at("/facets/email_channel/mail_event/open");
      event(
          type,
          millis,
          destination,
          text(open.get("user_agent")),
          text(open.get("ip_address")),
          null);
    }

    private void sesRecord(JsonNode n) throws Bad {
      String sesType = n.get("eventType").asText();
      String type =
          switch (sesType) {
            case "Delivery" -> "_email.delivered";
            case "Open" -> "_email.open";
            case "Click" -> "_email.click";
            default -> null;
          };
      if (type == null || !p.countedTypes().contains(type)) {
        return;
      }
      JsonNode own = n.get(sesType.toLowerCase(java.util.Locale.ROOT));
      Long millis = null;
      JsonNode recipients = null;
      if (present(own)) {
        if (!own.isObject()) {
          throw new Bad();
        }
        JsonNode ts = own.get("timestamp");
        if (present(ts)) {
          if (!ts.isTextual()) {
            throw new Bad();
          }
          try {
            millis = Instant.parse(ts.asText()).toEpochMilli();
          } catch (Exception e) {
            throw new Bad();
          }
        }
        recipients = own.get("recipients");
      }
      List<String> destination;
      if (type.equals("_email.delivered") && present(recipients)) {
        destination = addresses(recipients);
      } else {
        JsonNode mail = n.get("mail");
        if (present(mail) && !mail.isObject()) {
          throw new Bad();
        }
        destination = present(mail) ? addresses(mail.get("destination")) : null;
      }
      event(
          type,
          millis,
          destination,
          own == null ? null : text(own.get("userAgent")),
          own == null ? null : text(own.get("ipAddress")),
          own == null ? null : text(own.get("isBotEvent")));
    }

    private void event(
        String type, Long millis, List<String> destination, String agent, String ip, String bot) {
      if (millis == null || millis < p.earliestRelevantMillis() || millis >= p.untilMillis()) {
        return;
      }
      if (type.equals("_email.open") && ("Likely".equals(bot) || "Mozilla/5.0".equals(agent))) {
        machineOpens++;
      }
      long second = millis / 1000; // Java's division truncates toward zero, as the query's does
      List<Object> row = new ArrayList<>();
      row.add(destination);
      row.add(millis);
      if (type.equals("_email.delivered")) {
        if (second > deliveredStart) {
          deliveredRows.add(row);
        }
      } else if (second > engagementStart) {
        engagementRows.add(row);
      }
    }

    /** Address|max|min|num for each unengaged usable address, sorted. */
    @SuppressWarnings("unchecked")
    List<String> unengaged() {
      Map<String, long[]> delivered = new HashMap<>(); // max, min, count
      Set<String> engaged = new HashSet<>();
      for (List<Object> row : deliveredRows) {
        List<String> destination = (List<String>) row.get(0);
        long ms = (Long) row.get(1);
        if (destination == null) {
          continue;
        }
        for (String a : destination) {
          long[] d =
              delivered.computeIfAbsent(a, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0});
          d[0] = Math.max(d[0], ms);
          d[1] = Math.min(d[1], ms);
          d[2]++;
        }
      }
      for (List<Object> row : engagementRows) {
        if (row.get(0) != null) {
          engaged.addAll((List<String>) row.get(0));
        }
      }
      List<String> rows = new ArrayList<>();
      delivered.forEach(
          (a, d) -> {
            boolean usable = a != null && !a.isBlank();
            if (usable
                && !engaged.contains(a)
                && d[1] / 1000 < engagementStart
                && d[2] >= p.minDelivered()) {
              rows.add(a + "|" + d[0] + "|" + d[1] + "|" + d[2]);
            }
          });
      Collections.sort(rows);
      return rows;
    }

    private static List<String> addresses(JsonNode array) throws Bad {
      if (!present(array)) {
        return null;
      }
      if (!array.isArray()) {
        throw new Bad();
      }
      List<String> result = new ArrayList<>();
      for (JsonNode e : array) {
        if (e.isNull()) {
          result.add(null);
        } else if (e.isTextual()) {
          result.add(e.asText());
        } else {
          throw new Bad();
        }
      }
      return result;
    }

    private static boolean present(JsonNode n) {
      return n != null && !n.isNull() && !n.isMissingNode();
    }

    private static String text(JsonNode n) {
      return n != null && n.isTextual() ? n.asText() : null;
    }
  }

  /** A random mixed history: messages to 1-3 addresses, sent by Pinpoint or SES. */
  static final class DataSet {
    final Random random;
    final List<String> out = new ArrayList<>();
    final String[] addresses;
    final long[] boundaries;

    DataSet(Random random) {
      this.random = random;
      List<String> a = new ArrayList<>();
      for (int i = 0; i < 14; i++) {
        a.add("u" + i + "@example.org");
      }
      a.add("");
      a.add("  ");
      a.add("U0@example.org");
      addresses = a.toArray(new String[0]);
      List<Long> b = new ArrayList<>();
      int rowsSeen = 0;
      for (LocalDate asOf : AS_OF) {
        RuleParameters p = RuleParameters.defaults(asOf, 0);
        b.add(p.deliveredStartSeconds() * 1000);
        b.add(p.engagementStartSeconds() * 1000);
        b.add(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      }
      boundaries = b.stream().mapToLong(Long::longValue).toArray();
    }

    List<String> records() {
      for (int m = 0; m < 260; m++) {
        message(m);
      }
      Collections.shuffle(out, random);
      return out;
    }

    /** A time in the windows' span, a third of them within a second or two of a boundary. */
    long nanosTime() {
      long ms;
      if (random.nextInt(3) == 0) {
        ms = boundaries[random.nextInt(boundaries.length)] + random.nextInt(3001) - 1500;
      } else {
        long from = boundaries[0] - 5L * 86_400_000;
        long to = boundaries[2] + 2L * 86_400_000;
        ms = from + (long) (random.nextDouble() * (to - from));
      }
      return ms * 1_000_000L + random.nextInt(1_000_000);
    }

    String iso(long nanos) {
      String[] offsets = {"Z", "Z", "Z", "+00:00", "+02:00", "-05:30", "+14:00", "-03:00"};
      String offset = offsets[random.nextInt(offsets.length)];
      ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
      OffsetDateTime t =
          Instant.ofEpochSecond(
                  Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
              .atOffset(zone);
      int digits = random.nextInt(10);
      String fraction =
          digits == 0 ? "" : "." + String.format("%09d", t.getNano()).substring(0, digits);
      return t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + fraction + offset;
    }

    void message(int m) {
      int n = 1 + random.nextInt(3);
      List<String> to = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Low addresses are mailed more often, so that some reach six deliveries.
        int k = Math.min(random.nextInt(addresses.length), random.nextInt(addresses.length));
        to.add(addresses[k]);
      }
      boolean viaSes = random.nextInt(3) != 0;
      long sent = nanosTime();
      if (viaSes) {
        sesMessage(m, to, sent);
      } else {
        pinpointMessage(m, to, sent);
      }
    }

    void pinpointMessage(int m, List<String> to, long sent) {
      emit(pinpoint("_email.send", sent, to, null));
      emit(pinpoint("_email.delivered", sent + 1_000_000_000L, to, null));
      int opens = engagedAddress(to) ? random.nextInt(3) : 0;
      for (int i = 0; i < opens; i++) {
        String type = random.nextBoolean() ? "_email.open" : "_email.click";
        emit(pinpoint(type, nanosTime(), to, random.nextBoolean() ? "Mozilla/5.0" : "Mail/3.0"));
      }
    }

    boolean engagedAddress(List<String> to) {
      // A few readers, and now and then anyone: most addresses stay without engagement.
      return to.stream().anyMatch(a -> a.equals("u1@example.org") || a.equals("u9@example.org"))
          || random.nextInt(60) == 0;
    }

    ObjectNode pinpoint(String type, long nanos, List<String> to, String agent) {
      ObjectNode r = JSON.createObjectNode();
      r.put("event_type", type);
      r.put("event_timestamp", nanos / 1_000_000 - 5000);
      r.put("arrival_timestamp", nanos / 1_000_000);
      ObjectNode mailEvent =
          r.putObject("facets").putObject("email_channel").putObject("mail_event");
      ObjectNode mail = mailEvent.putObject("mail");
      mail.put("message_id", "m" + nanos);
      ArrayNode d = mail.putArray("destination");
      to.forEach(d::add);
      if (type.equals("_email.open")) {
        ObjectNode open = mailEvent.putObject("open");
        open.put("user_agent", agent);
        open.put("ip_address", "17.58.0." + random.nextInt(9));
      }
      return r;
    }

    void sesMessage(int m, List<String> to, long sent) {
      // Recipients delivered in one or two Delivery events, each naming its own subset.
      List<String> first = new ArrayList<>(to.subList(0, 1 + random.nextInt(to.size())));
      List<String> rest = new ArrayList<>(to.subList(first.size(), to.size()));
      for (List<String> part : List.of(first, rest)) {
        if (part.isEmpty()) {
          continue;
        }
        ObjectNode delivery = JSON.createObjectNode();
        time(delivery, sent + random.nextInt(5_000_000) * 1000L);
        delivery.put("processingTimeMillis", 500);
        int r = random.nextInt(12);
        if (r == 0) {
          delivery.putNull("recipients");
        } else if (r == 1) {
          delivery.put("recipients", part.get(0)); // bad: not an array
        } else if (r > 2) {
          ArrayNode a = delivery.putArray("recipients");
          part.forEach(a::add);
        } // r == 2: no recipients, mail.destination stands in
        emit(ses("Delivery", "delivery", delivery, to, sent));
      }
      emit(
          ses(random.nextBoolean() ? "Send" : "Bounce", "send", JSON.createObjectNode(), to, sent));
      int opens = engagedAddress(to) ? random.nextInt(3) : 0;
      for (int i = 0; i < opens; i++) {
        boolean open = random.nextBoolean();
        ObjectNode o = JSON.createObjectNode();
        time(o, nanosTime());
        o.put("userAgent", random.nextBoolean() ? "Mozilla/5.0" : "Mozilla/5.0 (iPhone)");
        o.put("ipAddress", "17.58.0.1");
        if (random.nextInt(3) == 0) {
          o.put("isBotEvent", random.nextBoolean() ? "Likely" : "Unlikely");
        }
        emit(ses(open ? "Open" : "Click", open ? "open" : "click", o, to, sent));
      }
    }

    /** A time as SES writes it, or now and then missing, null, zone-less or of the wrong type. */
    void time(ObjectNode o, long nanos) {
      int r = random.nextInt(40);
      switch (r) {
        case 0 -> {} // missing: counts nowhere
        case 1 -> o.putNull("timestamp");
        case 2 -> o.put("timestamp", nanos / 1_000_000); // bad: a number
        case 3 -> o.put("timestamp", iso(nanos).replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", "")); // bad
        default -> o.put("timestamp", iso(nanos));
      }
    }

    ObjectNode ses(String type, String objectName, ObjectNode object, List<String> to, long sent) {
      ObjectNode mail = JSON.createObjectNode();
      mail.put("timestamp", iso(sent));
      mail.put("source", "news@example.org");
      ArrayNode d = mail.putArray("destination");
      to.forEach(d::add);
      mail.putArray("headers").addObject().put("name", "To").put("value", String.join(",", to));
      mail.putObject("tags").putArray("ses:configuration-set").add("cs");
      // Keys in any order: the type, mail and the event's object are shuffled.
      List<String> keys = new ArrayList<>(List.of("eventType", "mail", objectName));
      Collections.shuffle(keys, random);
      ObjectNode r = JSON.createObjectNode();
      for (String k : keys) {
        switch (k) {
          case "eventType" -> r.put("eventType", type);
          case "mail" -> r.set("mail", mail);
          default -> r.set(objectName, object);
        }
      }
      return r;
    }

    void emit(ObjectNode record) {
      String line = record.toString();
      out.add(line);
      if (random.nextInt(20) == 0) {
        out.add(line); // Firehose's at-least-once delivery: an exact duplicate
      }
    }
  }
}
