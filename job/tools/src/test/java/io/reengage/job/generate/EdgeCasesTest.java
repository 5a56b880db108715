package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeCasesTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  private static final long UNTIL =
      AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

  @TempDir static Path tmp;

  private static StoredData data;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorSettings settings =
        GeneratorSettings.builder(AS_OF)
            .days(3)
            .addresses(100)
            .eventsPerDay(60)
            .edgeCases(true)
            .build();
    new EventGenerator(settings).generate(tmp.resolve("default"));
    data = StoredData.read(tmp.resolve("default"));
  }

  /**
   * The edge-case addresses a plain reading of SPEC.md's rules returns equal the hand-written
   * expectation.
   */
  @ParameterizedTest
  @CsvSource({"2026-08-31, 10, 6", "2024-02-29, 10, 6", "2026-03-31, 3, 1", "2025-12-31, 13, 12"})
  void specRules_onTheEdgeCases_shouldGiveTheExpectedRows(
      LocalDate asOf, int deliveredMonths, int engagementMonths) throws IOException {
    GeneratorSettings settings =
        GeneratorSettings.builder(asOf)
            .days(2)
            .addresses(50)
            .eventsPerDay(20)
            .edgeCases(true)
            .deliveredWindowMonths(deliveredMonths)
            .engagementWindowMonths(engagementMonths)
            .build();
    Path out = tmp.resolve("rules-" + asOf + "-" + deliveredMonths);
    new EventGenerator(settings).generate(out);

    Map<String, Integer> unengaged =
        SpecReading.unengaged(
            StoredData.read(out).records, asOf, deliveredMonths, engagementMonths);
    Map<String, Integer> edge =
        unengaged.entrySet().stream()
            .filter(
                e ->
                    e.getKey() != null
                        && e.getKey().toLowerCase(Locale.ROOT).contains("@edge.example.com"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    assertThat(edge).containsExactlyInAnyOrderEntriesOf(EdgeCases.expectedUnengaged());
  }

  @Test
  void expectation_shouldNameUnusualAddressesVerbatim() {
    assertThat(EdgeCases.expectedUnengaged())
        .containsKeys(
            "\"comma,inside\"@edge.example.com",
            "line\nbreak@edge.example.com",
            "trailing-space@edge.example.com ",
            "Mixed.Case@Edge.Example.com",
            "\u7528\u6237@edge.example.com");
    assertThat(EdgeCases.expectedUnengaged())
        .doesNotContainKeys(
            "mixed.case@edge.example.com",
            "five-deliveries@edge.example.com",
            "delivered-at-delivered-start@edge.example.com");
  }

  @Test
  void destinations_shouldIncludeNullEmptyMissingAndUnusableElements() {
    Set<String> forms = new HashSet<>();
    Set<String> elements = new HashSet<>();
    for (StoredData.StoredRecord r : data.records) {
      JsonNode d = r.mail().path("destination");
      forms.add(
          d.isMissingNode() ? "missing" : d.isNull() ? "null" : d.isEmpty() ? "empty" : "array");
      for (JsonNode e : d) {
        elements.add(e.isNull() ? "<null>" : e.asText());
      }
    }
    assertThat(forms).containsExactlyInAnyOrder("missing", "null", "empty", "array");
    assertThat(elements).contains("<null>", "", "   ", "\t");
  }

  @Test
  void records_shouldIncludeOneWithFieldsInAnotherOrder() {
    assertThat(data.records).anyMatch(r -> r.json().startsWith("{\"facets\":"));
    assertThat(data.records)
        .filteredOn(r -> r.json().startsWith("{\"facets\":"))
        .allMatch(
            r ->
                r.node().get("arrival_timestamp").isIntegralNumber() && r.node().has("event_type"));
  }

  @Test
  void objects_shouldIncludeCrlfByteOrderMarkAndBothGzipContents() {
    assertThat(data.objects).anyMatch(o -> !o.gzip() && o.text().contains("}\r\n{"));
    assertThat(data.objects).anyMatch(StoredData.StoredObject::byteOrderMark);
    assertThat(data.objects).anyMatch(o -> o.gzip() && o.text().contains("}\n{"));
    assertThat(data.objects)
        .anyMatch(o -> o.gzip() && o.text().contains("}{") && !o.text().contains("\n"));
  }

  @Test
  void aroundUntil_someRecordAtOrAfterUntil_shouldSitInAFolderOfTheHourBefore() {
    String hourBefore =
        String.format(
            Locale.ROOT,
            "%d/%02d/%02d/23/",
            AS_OF.getYear(),
            AS_OF.getMonthValue(),
            AS_OF.getDayOfMonth());
    assertThat(data.records)
        .anyMatch(r -> r.arrival() >= UNTIL && r.object().path().startsWith(hourBefore));
  }

  @Test
  void lateRecordBeforeUntil_shouldSitInTheNextDaysFolder() {
    LocalDate next = AS_OF.plusDays(1);
    String nextDay =
        String.format(
            Locale.ROOT,
            "%d/%02d/%02d/",
            next.getYear(),
            next.getMonthValue(),
            next.getDayOfMonth());
    assertThat(data.records)
        .anyMatch(
            r ->
                r.arrival() < UNTIL
                    && r.arrival() > UNTIL - 1000
                    && r.object().path().startsWith(nextDay)
                    && r.json().contains("late-delivered-before-until"));
  }

  @Test
  void duplicates_shouldIncludeDistinctEventsWithSameArrayAndMillisecondAndRepeatedRecords() {
    Map<String, Set<String>> byArrayAndMillis = new HashMap<>();
    Map<String, Integer> copies = new HashMap<>();
    for (StoredData.StoredRecord r : data.records) {
      String key = r.eventType() + " " + r.mail().path("destination") + " " + r.arrival();
      byArrayAndMillis.computeIfAbsent(key, k -> new HashSet<>()).add(r.messageId());
      copies.merge(r.json(), 1, Integer::sum);
    }
    assertThat(byArrayAndMillis.values()).anyMatch(ids -> ids.size() >= 2);
    assertThat(copies).containsValue(2);
    assertThat(copies.entrySet())
        .anyMatch(e -> e.getValue() == 2 && e.getKey().contains("firehose-duplicate"));
  }

  /**
   * A direct reading of SPEC.md's rules, written for this test only; it returns address ->
   * num_delivered.
   */
  static final class SpecReading {
    static Map<String, Integer> unengaged(
        List<StoredData.StoredRecord> records,
        LocalDate asOf,
        int deliveredMonths,
        int engagementMonths) {
      long deliveredStart =
          asOf.minusMonths(deliveredMonths).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      long engagementStart =
          asOf.minusMonths(engagementMonths).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      long until = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000;
      Set<List<Object>> rows = new HashSet<>();
      for (StoredData.StoredRecord r : records) {
        long ts = r.arrival();
        long s = ts / 1000;
        if (ts >= until) {
          continue;
        }
        List<String> destination = destination(r.mail().path("destination"));
        switch (r.eventType()) {
          case "_email.delivered" -> {
            if (s > deliveredStart) {
              rows.add(Arrays.asList(destination, "D", ts));
            }
          }
          case "_email.open", "_email.click" -> {
            if (s > engagementStart) {
              rows.add(Arrays.asList(destination, "E", ts));
            }
          }
          default -> {}
        }
      }
      Map<String, long[]> perAddress = new HashMap<>(); // count, min, max engagement (or MIN_VALUE)
      for (List<Object> row : rows) {
        @SuppressWarnings("unchecked")
        List<String> destination = (List<String>) row.get(0);
        if (destination == null) {
          continue;
        }
        long ts = (Long) row.get(2);
        for (String address : destination) {
          long[] a =
              perAddress.computeIfAbsent(
                  address, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
          if (row.get(1).equals("D")) {
            a[0]++;
            a[1] = Math.min(a[1], ts);
          } else {
            a[2] = Math.max(a[2], ts);
          }
        }
      }
      Map<String, Integer> out = new HashMap<>();
      perAddress.forEach(
          (address, a) -> {
            if (a[2] == Long.MIN_VALUE && a[0] > 5 && a[1] / 1000 < engagementStart) {
              out.put(address, (int) a[0]);
            }
          });
      return out;
    }

    private static List<String> destination(JsonNode d) {
      if (d.isMissingNode() || d.isNull()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode e : d) {
        out.add(e.isNull() ? null : e.asText());
      }
      return out;
    }
  }
}
