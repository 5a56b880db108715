package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knobs hold on mid-size sets, measured from the files alone. */
class RatesTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
  private static final long DAY = 24L * 3600 * 1000;
  private static final Pattern NAME_TIME =
      Pattern.compile(
          ".*-1-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-[-0-9a-f]{36}(\\.gz)?");

  @TempDir static Path tmp;

  /** 60 days, one recipient per message, 5 % duplicates, big buffers: for engagement and volume. */
  private static GeneratorSettings engagement;

  private static StoredData engagementData;

  /**
   * 6 days with Firehose's 5-minute buffer, 10 % late, up to 4 recipients, no duplicates (a
   * duplicate may reach Firehose minutes after its original, which would blur lateness): for
   * lateness, formats, recipients.
   */
  private static GeneratorSettings delivery;

  private static StoredData deliveryData;

  @BeforeAll
  static void generate() throws IOException {
    engagement =
        GeneratorSettings.builder(AS_OF)
            .days(60)
            .daysAfter(0)
            .addresses(3000)
            .eventsPerDay(400)
            .recipientsMax(1)
            .openRate(0.25)
            .clickRate(0.15)
            .duplicateRate(0.05)
            .bufferSeconds(3600)
            .build();
    new EventGenerator(engagement).generate(tmp.resolve("engagement"));
    engagementData = StoredData.read(tmp.resolve("engagement"));

    delivery =
        GeneratorSettings.builder(AS_OF)
            .days(6)
            .addresses(2000)
            .eventsPerDay(1500)
            .recipientsMax(4)
            .lateRate(0.10)
            .duplicateRate(0)
            .build();
    new EventGenerator(delivery).generate(tmp.resolve("delivery"));
    deliveryData = StoredData.read(tmp.resolve("delivery"));
  }

  @Test
  void openAndClickRates_shouldHoldOverThePeriod() {
    // Over the whole period: lapsed addresses engage early and not late, so a part of it would be
    // skewed. Opens
    // that would come after the snapshot are missing, but most opens come within a day: under 1 %
    // of them.
    Set<String> delivered = new HashSet<>();
    Set<String> opened = new HashSet<>();
    Set<String> clicked = new HashSet<>();
    for (StoredData.StoredRecord r : engagementData.records) {
      switch (r.eventType()) {
        case "_email.delivered" -> delivered.add(r.messageId());
        case "_email.open" -> opened.add(r.messageId());
        case "_email.click" -> clicked.add(r.messageId());
        default -> {}
      }
    }
    assertThat(delivered).hasSizeGreaterThan(8_000);
    assertThat(delivered).containsAll(opened);
    assertThat(opened).containsAll(clicked);
    assertThat((double) opened.size() / delivered.size()).isCloseTo(0.25, within(0.025));
    assertThat((double) clicked.size() / opened.size()).isCloseTo(0.15, within(0.03));
  }

  @Test
  void duplicates_shouldBeIdenticalRecordsAtTheConfiguredRate() {
    Map<String, Integer> copies = new HashMap<>();
    engagementData.records.forEach(r -> copies.merge(r.json(), 1, Integer::sum));
    long extra = copies.values().stream().mapToLong(n -> n - 1).sum();

    assertThat(copies.values()).allMatch(n -> n <= 2);
    assertThat((double) extra / copies.size()).isCloseTo(0.05, within(0.006));
  }

  @Test
  void volume_shouldFollowEventsPerDayWithQuieterWeekends() {
    Set<String> distinct = new HashSet<>();
    Map<Boolean, Integer> sendsByWeekend = new HashMap<>();
    Map<Boolean, Set<LocalDate>> daysByWeekend = new HashMap<>();
    for (StoredData.StoredRecord r : engagementData.records) {
      if (!distinct.add(r.json()) || !r.eventType().equals("_email.send")) {
        continue;
      }
      LocalDate day = Instant.ofEpochMilli(r.arrival()).atZone(ZoneOffset.UTC).toLocalDate();
      boolean weekend =
          day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      sendsByWeekend.merge(weekend, 1, Integer::sum);
      daysByWeekend.computeIfAbsent(weekend, k -> new HashSet<>()).add(day);
    }
    double expected = engagement.days() * (double) engagement.eventsPerDay();
    assertThat(distinct.size() / expected).isBetween(0.93, 1.05);
    double weekdayRate = sendsByWeekend.get(false) / (double) daysByWeekend.get(false).size();
    double weekendRate = sendsByWeekend.get(true) / (double) daysByWeekend.get(true).size();
    assertThat(weekdayRate / weekendRate).isBetween(1.4, 2.4);
  }

  @Test
  void everyEmailEventType_shouldOccur() {
    Set<String> types = new HashSet<>();
    engagementData.records.forEach(r -> types.add(r.eventType()));
    assertThat(types)
        .containsExactlyInAnyOrder(
            "_email.send",
            "_email.delivered",
            "_email.open",
            "_email.click",
            "_email.hardbounce",
            "_email.softbounce",
            "_email.complaint",
            "_email.rejected",
            "_email.unsubscribe",
            "_email.rendering_failure");
  }

  @Test
  void records_shouldAverageAbout1point3KB() {
    double average =
        engagementData.records.stream().mapToInt(r -> r.json().length()).average().orElse(0);
    assertThat(average).isBetween(1200.0, 1500.0);
  }

  @Test
  void lateRecords_shouldLandInLaterFoldersAtTheConfiguredRate() {
    long late = 0;
    long crossDay = 0;
    for (StoredData.StoredRecord r : deliveryData.records) {
      long objectTime = nameTime(r.object().path());
      // Normal lag is at most 2 minutes; late lag at least 10, less the 5-minute buffer: nothing in
      // between.
      long lag = objectTime - r.arrival();
      assertThat(lag < 2 * 60_000 || lag >= 5 * 60_000 - 1000).as(r.toString()).isTrue();
      if (lag >= 5 * 60_000 - 1000) {
        late++;
        if (Math.floorDiv(objectTime, DAY) > Math.floorDiv(r.arrival(), DAY)) {
          crossDay++;
        }
      }
    }
    assertThat((double) late / deliveryData.records.size()).isCloseTo(0.10, within(0.015));
    assertThat(crossDay).isPositive();
  }

  @Test
  void formatMix_shouldHoldOverObjects() {
    int gzip = 0;
    int concatenated = 0;
    int ndjson = 0;
    for (StoredData.StoredObject o : deliveryData.objects) {
      if (o.gzip()) {
        gzip++;
      } else if (o.text().contains("\n")) {
        ndjson++;
      } else {
        concatenated++;
      }
    }
    double n = deliveryData.objects.size();
    assertThat(n).isGreaterThan(1000);
    assertThat(ndjson / n).isCloseTo(0.60, within(0.04));
    assertThat(concatenated / n).isCloseTo(0.25, within(0.04));
    assertThat(gzip / n).isCloseTo(0.15, within(0.03));
  }

  @Test
  void recipients_shouldBeOneForCampaignsAndJourneysAndMostlyOneForTransactionalMail() {
    Map<Integer, Integer> transactional = new HashMap<>();
    Set<Integer> others = new HashSet<>();
    for (StoredData.StoredRecord r : deliveryData.records) {
      if (!r.eventType().equals("_email.send")) {
        continue;
      }
      int size = r.mail().get("destination").size();
      JsonNode attributes = r.node().get("attributes");
      if (attributes.has("campaign_id") || attributes.has("journey_id")) {
        others.add(size);
      } else {
        transactional.merge(size, 1, Integer::sum);
      }
    }
    int sends = transactional.values().stream().mapToInt(Integer::intValue).sum();

    assertThat(others).containsExactly(1);
    assertThat(transactional.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(transactional.get(1) / (double) sends).isCloseTo(0.80, within(0.04));
  }

  private static long nameTime(String path) {
    Matcher m = NAME_TIME.matcher(path);
    assertThat(m.matches()).as(path).isTrue();
    return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)))
        .atTime(
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            Integer.parseInt(m.group(6)))
        .toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }
}
