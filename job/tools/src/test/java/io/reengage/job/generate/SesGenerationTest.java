package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.reengage.job.machineopen.EgressIpList;
import io.reengage.job.read.EventRecordParser;
import io.reengage.job.read.EventTypeFilter;
import io.reengage.job.read.MachineOpenClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SES and mixed data sets: record shapes as in the SES developer guide, read back with the job's
 * own parser into the events SPEC.md's mapping says, the edge cases' hand-written expectations, the
 * switch date, machine opens at their share, the volume factor, determinism.
 */
class SesGenerationTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  private static final Set<String> COUNTED =
      Set.of("_email.delivered", "_email.open", "_email.click");

  @TempDir static Path tmp;

  private static GeneratorSettings ses;
  private static StoredData sesData;

  @BeforeAll
  static void generateSesSet() throws IOException {
    ses =
        GeneratorSettings.builder(AS_OF)
            .days(6)
            .addresses(300)
            .eventsPerDay(400)
            .source(EventSource.SES)
            .edgeCases(true)
            .bufferSeconds(900)
            .build();
    new EventGenerator(ses).threads(2).generate(tmp.resolve("ses"));
    sesData = StoredData.read(tmp.resolve("ses"));
  }

  /** One record as the job's reader sees it. */
  record Parsed(
      EventRecordParser.Outcome outcome,
      EventRecordParser.Source source,
      String type,
      Long millis,
      List<String> destination,
      boolean machineOpen) {}

  static Parsed parse(String json, MachineOpenClassifier classifier) {
    EventRecordParser p = new EventRecordParser(new EventTypeFilter(COUNTED), classifier);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    EventRecordParser.Outcome outcome = p.parse(bytes, 0, bytes.length);
    return new Parsed(
        outcome,
        p.source(),
        p.eventType(),
        outcome == EventRecordParser.Outcome.EVENT && p.hasTimestamp()
            ? p.arrivalTimestamp()
            : null,
        p.destination() == null ? null : Arrays.asList(p.destination()),
        p.machineOpen());
  }

  static Parsed parse(String json) {
    return parse(json, MachineOpenClassifier.userAgentOnly());
  }

  /**
   * Records of the address pool: edge cases are on @edge.example.com addresses, or on none at all
   * (null, empty and unusable destinations).
   */
  private static List<StoredData.StoredRecord> pool(StoredData data) {
    return data.records.stream().filter(SesGenerationTest::isPool).toList();
  }

  private static boolean isPool(StoredData.StoredRecord r) {
    JsonNode destination =
        r.node().has("mail")
            ? r.node().get("mail").path("destination")
            : r.mail().path("destination");
    if (!destination.isArray() || destination.isEmpty()) {
      return false;
    }
    for (JsonNode a : destination) {
      if (!a.isTextual() || a.asText().isBlank()) {
        return false;
      }
    }
    return !r.json().toLowerCase(Locale.ROOT).contains("@edge.example.com");
  }

  private static String eventObjectName(String sesType) {
    return switch (sesType) {
      case "Rendering Failure" -> "failure";
      case "DeliveryDelay" -> "deliveryDelay";
      default -> sesType.toLowerCase(Locale.ROOT);
    };
  }

  @Test
  void everyRecord_shouldBeAnSesRecordTheReaderAcceptsNeverBad() {
    assertThat(sesData.records).hasSizeGreaterThan(2000);
    for (StoredData.StoredRecord r : sesData.records) {
      Parsed p = parse(r.json());
      assertThat(r.node().has("event_type")).as(r.toString()).isFalse();
      assertThat(p.outcome()).as(r.toString()).isNotEqualTo(EventRecordParser.Outcome.BAD);
      assertThat(p.source()).as(r.toString()).isEqualTo(EventRecordParser.Source.SES);
    }
  }

  @Test
  void poolRecords_shouldHaveTheWholeShapeOfTheGuidesExamples() {
    Set<String> types = new HashSet<>();
    for (StoredData.StoredRecord r : pool(sesData)) {
      JsonNode n = r.node();
      String type = n.get("eventType").asText();
      types.add(type);
      JsonNode mail = n.get("mail");
      assertThat(mail.get("timestamp").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(mail.get("messageId").asText()).isNotEmpty();
      assertThat(mail.get("sendingAccountId").asText()).isEqualTo("111122223333");
      assertThat(mail.get("destination").isArray()).isTrue();
      assertThat(mail.get("headers").isArray()).isTrue();
      assertThat(mail.get("headers").get(0).get("name").asText()).isEqualTo("From");
      assertThat(mail.path("commonHeaders").path("subject").isTextual()).isTrue();
      assertThat(mail.path("commonHeaders").path("to")).isEqualTo(mail.get("destination"));
      assertThat(mail.path("tags").path("ses:configuration-set").isArray()).isTrue();
      JsonNode object = n.get(eventObjectName(type));
      assertThat(object).as(r.toString()).isNotNull();
      assertThat(n.size()).as(r.toString()).isEqualTo(3);
      switch (type) {
        case "Delivery" -> {
          assertThat(object.get("timestamp").asText()).matches(".*\\.\\d{3}Z");
          assertThat(object.get("processingTimeMillis").isIntegralNumber()).isTrue();
          assertThat(object.get("recipients").isArray()).isTrue();
          assertThat(object.get("smtpResponse").asText()).startsWith("250 ");
          assertThat(object.get("reportingMTA").asText()).endsWith(".amazonses.com");
        }
        case "Open" -> {
          assertThat(object.get("timestamp").isTextual()).isTrue();
          assertThat(object.get("userAgent").isTextual()).isTrue();
          assertThat(object.get("ipAddress").isTextual()).isTrue();
          assertThat(object.has("isBotEvent")).as("no machine opens by default").isFalse();
          assertThat(object.get("userAgent").asText()).isNotEqualTo("Mozilla/5.0");
        }
        case "Click" -> {
          assertThat(object.get("link").asText()).startsWith("https://");
          assertThat(object.get("linkTags").isObject()).isTrue();
          assertThat(object.get("timestamp").isTextual()).isTrue();
        }
        case "Bounce" -> assertThat(object.get("bouncedRecipients").isArray()).isTrue();
        case "Complaint" -> assertThat(object.get("complainedRecipients").isArray()).isTrue();
        default -> {}
      }
    }
    assertThat(types)
        .contains("Send", "Delivery", "Open", "Click", "Bounce", "Complaint", "DeliveryDelay");
  }

  @Test
  void typeRates_shouldBeRealisticSmallForFailures() {
    Map<String, Long> byType =
        pool(sesData).stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.node().get("eventType").asText(), Collectors.counting()));
    long all = byType.values().stream().mapToLong(Long::longValue).sum();
    long deliveries = byType.get("Delivery");
    long failures =
        byType.getOrDefault("Bounce", 0L)
            + byType.getOrDefault("Complaint", 0L)
            + byType.getOrDefault("Reject", 0L)
            + byType.getOrDefault("DeliveryDelay", 0L)
            + byType.getOrDefault("Rendering Failure", 0L);
    assertThat(deliveries).isGreaterThan(all / 4);
    assertThat(failures).isPositive().isLessThan(all / 20);
    assertThat(byType.get("Send")).isGreaterThan(all / 4);
  }

  @Test
  void times_shouldReadAsTheInstantTheirIsoStringNames() {
    int checked = 0;
    for (StoredData.StoredRecord r : pool(sesData)) {
      String type = r.node().get("eventType").asText();
      if (!Set.of("Delivery", "Open", "Click").contains(type)) {
        continue;
      }
      String iso = r.node().get(eventObjectName(type)).get("timestamp").asText();
      Parsed p = parse(r.json());
      assertThat(p.outcome()).isEqualTo(EventRecordParser.Outcome.EVENT);
      assertThat(p.millis()).as(r.toString()).isEqualTo(Instant.parse(iso).toEpochMilli());
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void deliveries_shouldNameASubsetOfTheDestinationAndTheReaderCreditsOnlyThat() {
    int multiRecipientMessages = 0;
    int strictSubsets = 0;
    int groupedDeliveries = 0;
    for (StoredData.StoredRecord r : pool(sesData)) {
      if (!r.node().get("eventType").asText().equals("Delivery")) {
        continue;
      }
      List<String> destination = texts(r.node().get("mail").get("destination"));
      List<String> recipients = texts(r.node().get("delivery").get("recipients"));
      assertThat(destination).as(r.toString()).containsAll(recipients);
      assertThat(recipients).isNotEmpty().doesNotHaveDuplicates();
      assertThat(parse(r.json()).destination()).isEqualTo(recipients);
      if (destination.size() > 1) {
        multiRecipientMessages++;
        if (recipients.size() < destination.size()) {
          strictSubsets++;
        }
        if (recipients.size() > 1) {
          groupedDeliveries++;
          // One Delivery per receiving domain.
          assertThat(recipients.stream().map(a -> a.substring(a.indexOf('@'))).distinct())
              .hasSize(1);
        }
      }
    }
    assertThat(multiRecipientMessages).isPositive();
    assertThat(strictSubsets).isPositive();
    assertThat(groupedDeliveries).isPositive();
  }

  @Test
  void opensAndClicks_shouldBeCreditedToTheWholeDestination() {
    for (StoredData.StoredRecord r : pool(sesData)) {
      String type = r.node().get("eventType").asText();
      if (type.equals("Open") || type.equals("Click")) {
        assertThat(parse(r.json()).destination())
            .isEqualTo(texts(r.node().get("mail").get("destination")));
      }
    }
  }

  @Test
  void fieldOrder_shouldVaryWithMailSometimesAfterTheEventObject() {
    long mailFirst = 0;
    long mailLast = 0;
    for (StoredData.StoredRecord r : pool(sesData)) {
      List<String> keys = new ArrayList<>();
      r.node().fieldNames().forEachRemaining(keys::add);
      assertThat(keys.get(0)).isEqualTo("eventType");
      if (keys.get(1).equals("mail")) {
        mailFirst++;
      } else {
        mailLast++;
      }
    }
    double share = (double) mailLast / (mailFirst + mailLast);
    assertThat(share).isCloseTo(0.25, within(0.05));
  }

  @Test
  void objects_shouldUseFirehosesHourFoldersWithGzipAndOneRecordPerLine() {
    assertThat(sesData.objects)
        .allMatch(o -> o.path().matches("\\d{4}/\\d\\d/\\d\\d/\\d\\d/pinpoint-email-events-1-.*"));
    assertThat(sesData.objects).anyMatch(StoredData.StoredObject::gzip);
    assertThat(sesData.objects).anyMatch(o -> o.gzip() && o.text().contains("}\n{\"eventType\""));
  }

  @Test
  void edgeCases_readByTheJobsParser_shouldGiveTheHandWrittenRows() {
    assertThat(unengagedEdgeAddresses(sesData, ses, false))
        .containsExactlyInAnyOrderEntriesOf(EdgeCases.expectedUnengaged(ses));
    assertThat(EdgeCases.expectedUnengaged(ses))
        .containsEntry("ses-recipients-subset-in@edge.example.com", 6)
        .containsEntry("ses-missing-time@edge.example.com", 6)
        .doesNotContainKeys(
            "ses-recipients-subset-out@edge.example.com",
            "ses-null-time-five-counted@edge.example.com",
            "ses-delivered-at-until@edge.example.com",
            "ses-delivered-400ms-after-delivered-start@edge.example.com");
  }

  @Test
  void edgeRecords_shouldWriteTimesWithOffsetsAndVaryingFractionDigitsAndLeaveSomeOut() {
    Set<String> shapes = new HashSet<>();
    boolean missingTime = false;
    boolean nullTime = false;
    boolean nullRecipients = false;
    for (StoredData.StoredRecord r : sesData.records) {
      if (!r.json().contains("edge.example.com")) {
        continue;
      }
      String type = r.node().path("eventType").asText();
      if (!Set.of("Delivery", "Open", "Click").contains(type)) {
        continue;
      }
      JsonNode object = r.node().get(eventObjectName(type));
      JsonNode time = object.get("timestamp");
      if (time == null) {
        missingTime = true;
        continue;
      }
      if (time.isNull()) {
        nullTime = true;
        continue;
      }
      String t = time.asText();
      shapes.add(t.replaceAll("\\d", "9"));
      if (type.equals("Delivery")
          && object.has("recipients")
          && object.get("recipients").isNull()) {
        nullRecipients = true;
      }
    }
    assertThat(shapes)
        .contains(
            "9999-99-99T99:99:99.999Z",
            "9999-99-99T99:99:99Z",
            "9999-99-99T99:99:99.999999Z",
            "9999-99-99T99:99:99.999999999Z",
            "9999-99-99T99:99:99.999+99:99",
            "9999-99-99T99:99:99.999-99:99");
    assertThat(missingTime).isTrue();
    assertThat(nullTime).isTrue();
    assertThat(nullRecipients).isTrue();
  }

  @Test
  void mixed_shouldWritePinpointBeforeTheSwitchDateAndSesFromIt() throws IOException {
    LocalDate switchDate = AS_OF.minusDays(3);
    GeneratorSettings mixed =
        ses.toBuilder().source(EventSource.MIXED).switchDate(switchDate).build();
    Path out = tmp.resolve("mixed");
    new EventGenerator(mixed).generate(out);
    StoredData data = StoredData.read(out);
    long switchMillis = switchDate.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    int pinpoint = 0;
    int sesRecords = 0;
    for (StoredData.StoredRecord r : pool(data)) {
      Parsed p = parse(r.json());
      assertThat(p.outcome()).isNotEqualTo(EventRecordParser.Outcome.BAD);
      long sent;
      if (r.node().has("event_type")) {
        pinpoint++;
        assertThat(p.source()).isEqualTo(EventRecordParser.Source.PINPOINT);
        sent =
            r.node()
                .path("facets")
                .path("email_channel")
                .path("mail_event")
                .path("mail")
                .path("message_send_timestamp")
                .asLong();
        assertThat(sent).as(r.toString()).isLessThan(switchMillis);
      } else {
        sesRecords++;
        assertThat(p.source()).isEqualTo(EventRecordParser.Source.SES);
        sent = Instant.parse(r.node().get("mail").get("timestamp").asText()).toEpochMilli();
        assertThat(sent).as(r.toString()).isGreaterThanOrEqualTo(switchMillis);
      }
    }
    // Six days of sending, three before the switch: about half each (weekdays weigh more).
    assertThat(pinpoint).isPositive();
    assertThat(sesRecords).isPositive();
    assertThat((double) sesRecords / (pinpoint + sesRecords)).isBetween(0.3, 0.7);
    assertThat(unengagedEdgeAddresses(data, mixed, false))
        .containsExactlyInAnyOrderEntriesOf(EdgeCases.expectedUnengaged(mixed));
  }

  @Test
  void mixedDefaultSwitchDate_shouldBeFourMonthsBeforeAsOf() {
    GeneratorSettings mixed = GeneratorSettings.builder(AS_OF).source(EventSource.MIXED).build();
    assertThat(mixed.switchDate()).isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void sameSeed_shouldWriteIdenticalSesFiles() throws IOException {
    Path again = tmp.resolve("ses-again");
    new EventGenerator(ses).threads(1).generate(again);
    StoredData other = StoredData.read(again);
    assertThat(other.objects).hasSameSizeAs(sesData.objects);
    for (int i = 0; i < other.objects.size(); i++) {
      assertThat(other.objects.get(i).path()).isEqualTo(sesData.objects.get(i).path());
      assertThat(other.objects.get(i).content()).isEqualTo(sesData.objects.get(i).content());
    }
  }

  @Test
  void machineOpens_shouldComeAtTheirShareWithTheIpListNextToTheData() throws IOException {
    GeneratorSettings settings =
        ses.toBuilder().edgeCases(true).machineOpenShare(0.3).machineOpenRanges(500).build();
    Path out = tmp.resolve("machine");
    GenerationResult result = new EventGenerator(settings).generate(out);
    StoredData data = StoredData.read(out);

    Path list = out.resolve(ProxyIpList.FILE_NAME);
    List<String> lines = Files.readAllLines(list);
    assertThat(lines.get(0)).startsWith("#");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(500)
        .allMatch(l -> l.matches("[0-9a-f.:]+/(29|64),[A-Z]{2},[A-Z]{2}-[A-Z0-9]+,[A-Za-z ]+,"));
    assertThat(lines.stream().filter(l -> l.contains("::/64")).count()).isEqualTo(125);
    assertThat(result.machineOpenIps()).isEqualTo(list.toUri());

    MachineOpenClassifier withList =
        MachineOpenClassifier.withIpRanges(
            EgressIpList.load(list.toString(), new Configuration()).table());
    int opens = 0;
    int byUserAgent = 0;
    int byList = 0;
    int botFlags = 0;
    for (StoredData.StoredRecord r : pool(data)) {
      if (!r.node().get("eventType").asText().equals("Open")) {
        continue;
      }
      opens++;
      if (parse(r.json()).machineOpen()) {
        byUserAgent++;
      }
      if (parse(r.json(), withList).machineOpen()) {
        byList++;
      }
      if (r.node().get("open").has("isBotEvent")) {
        botFlags++;
        assertThat(r.node().get("open").get("isBotEvent").asText()).isEqualTo("Likely");
      }
    }
    assertThat(opens).isGreaterThan(500);
    // 30 % of opens; of those 80 % Apple-like (listed), 10 % outside the list, 10 % bot-flagged.
    assertThat((double) byUserAgent / opens).isCloseTo(0.30, within(0.05));
    assertThat((double) byList / opens).isCloseTo(0.27, within(0.05));
    assertThat((double) botFlags / opens).isCloseTo(0.03, within(0.02));

    // The machine-open stories, in both modes (the reference here is SPEC.md's rules).
    assertThat(unengagedEdgeAddresses(data, settings, false))
        .containsExactlyInAnyOrderEntriesOf(EdgeCases.expectedUnengaged(settings));
    assertThat(unengagedEdgeAddresses(data, settings, true))
        .containsExactlyInAnyOrderEntriesOf(
            EdgeCases.expectedUnengagedIgnoringMachineOpens(settings, false));
    assertThat(unengagedEdgeAddresses(data, settings, true, withList))
        .containsExactlyInAnyOrderEntriesOf(
            EdgeCases.expectedUnengagedIgnoringMachineOpens(settings, true));
    assertThat(EdgeCases.expectedUnengagedIgnoringMachineOpens(settings, false))
        .containsKeys(
            "apple-proxy-opens-only@edge.example.com",
            "mozilla-open-outside-list@edge.example.com",
            "ses-bot-flag-open@edge.example.com")
        .doesNotContainKey("apple-proxy-open-and-click@edge.example.com");
  }

  @Test
  void pinpointMachineOpens_shouldUseTheProxyUserAgentAtTheirShare() throws IOException {
    GeneratorSettings settings =
        GeneratorSettings.builder(AS_OF)
            .days(4)
            .addresses(300)
            .eventsPerDay(400)
            .machineOpenShare(0.5)
            .build();
    Path out = tmp.resolve("pinpoint-machine");
    new EventGenerator(settings).generate(out);
    StoredData data = StoredData.read(out);
    int opens = 0;
    int machine = 0;
    for (StoredData.StoredRecord r : data.records) {
      if (!r.eventType().equals("_email.open")) {
        continue;
      }
      opens++;
      String ua =
          r.node()
              .path("facets")
              .path("email_channel")
              .path("mail_event")
              .path("open")
              .path("user_agent")
              .asText();
      if (ua.equals("Mozilla/5.0")) {
        machine++;
        assertThat(parse(r.json()).machineOpen()).isTrue();
      }
    }
    assertThat((double) machine / opens).isCloseTo(0.5, within(0.06));
  }

  @Test
  void mailPerDayFactor_shouldMultiplyMailOverTheSameAddressesAndDays() throws IOException {
    GeneratorSettings once =
        GeneratorSettings.builder(AS_OF)
            .days(4)
            .daysAfter(0)
            .addresses(200)
            .eventsPerDay(300)
            .build();
    GeneratorSettings twice = once.toBuilder().mailPerDayFactor(2).build();
    GenerationResult r1 = new EventGenerator(once).generate(tmp.resolve("factor1"));
    GenerationResult r2 = new EventGenerator(twice).generate(tmp.resolve("factor2"));
    assertThat((double) r2.events() / r1.events()).isCloseTo(2.0, within(0.15));
    Set<String> addresses1 = addresses(StoredData.read(tmp.resolve("factor1")));
    Set<String> addresses2 = addresses(StoredData.read(tmp.resolve("factor2")));
    AddressBook book = new AddressBook(once.seed(), 200, 0, 1);
    Set<String> pool = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      pool.add(book.address(i));
    }
    assertThat(pool).containsAll(addresses1).containsAll(addresses2);
    LocalDate first = AS_OF.minusDays(4);
    assertThat(Instant.ofEpochMilli(r2.firstArrival()).atZone(ZoneOffset.UTC).toLocalDate())
        .isEqualTo(first);
    assertThat(Instant.ofEpochMilli(r2.lastArrival()).atZone(ZoneOffset.UTC).toLocalDate())
        .isBefore(AS_OF);
  }

  @Test
  void invalidOptions_shouldNameTheOption() {
    assertThatThrownBy(() -> GeneratorSettings.builder(AS_OF).machineOpenShare(1.5).build())
        .hasMessageContaining("--machine-open-share");
    assertThatThrownBy(() -> GeneratorSettings.builder(AS_OF).mailPerDayFactor(0).build())
        .hasMessageContaining("--mail-per-day-factor");
    assertThatThrownBy(() -> EventSource.parse("sns")).hasMessageContaining("--source");
  }

  private static Set<String> addresses(StoredData data) {
    Set<String> out = new HashSet<>();
    for (StoredData.StoredRecord r : data.records) {
      for (JsonNode a : r.mail().path("destination")) {
        out.add(a.asText());
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static Map<String, Integer> unengagedEdgeAddresses(
      StoredData data, GeneratorSettings settings, boolean ignoreMachineOpens) {
    return unengagedEdgeAddresses(
        data, settings, ignoreMachineOpens, MachineOpenClassifier.userAgentOnly());
  }

  /**
   * SPEC.md's rules read directly, written for this test, over the events the job's parser makes of
   * each record; returns the edge-case addresses it finds unengaged, with num_delivered.
   */
  static Map<String, Integer> unengagedEdgeAddresses(
      StoredData data,
      GeneratorSettings settings,
      boolean ignoreMachineOpens,
      MachineOpenClassifier classifier) {
    long deliveredStart = settings.deliveredStartMillis() / 1000;
    long engagementStart = settings.engagementStartMillis() / 1000;
    long until = settings.untilMillis();
    Set<List<Object>> rows = new HashSet<>();
    for (StoredData.StoredRecord r : data.records) {
      Parsed p = parse(r.json(), classifier);
      if (p.outcome() != EventRecordParser.Outcome.EVENT || p.millis() == null) {
        continue;
      }
      long ts = p.millis();
      if (ts >= until || (ignoreMachineOpens && p.machineOpen())) {
        continue;
      }
      boolean delivered = p.type().equals("_email.delivered");
      if (ts / 1000 > (delivered ? deliveredStart : engagementStart)) {
        rows.add(Arrays.asList(p.destination(), delivered ? "D" : "E", ts));
      }
    }
    Map<String, long[]> perAddress = new HashMap<>();
    for (List<Object> row : rows) {
      @SuppressWarnings("unchecked")
      List<String> destination = (List<String>) row.get(0);
      if (destination == null) {
        continue;
      }
      for (String address : destination) {
        long[] a = perAddress.computeIfAbsent(address, k -> new long[] {0, Long.MAX_VALUE, 0});
        if (row.get(1).equals("D")) {
          a[0]++;
          a[1] = Math.min(a[1], (Long) row.get(2));
        } else {
          a[2] = 1;
        }
      }
    }
    Map<String, Integer> out = new HashMap<>();
    perAddress.forEach(
        (address, a) -> {
          if (address != null
              && address.toLowerCase(Locale.ROOT).contains("@edge.example.com")
              && a[2] == 0
              && a[0] > 5
              && a[1] / 1000 < engagementStart) {
            out.put(address, (int) a[0]);
          }
        });
    return out;
  }
}
