package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventGeneratorTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 8, 31);
  private static final Pattern FIREHOSE_PATH =
      Pattern.compile(
          "(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/test-stream-1-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-"
              + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.gz)?");

  @TempDir static Path tmp;

  private static GeneratorSettings small;
  private static GenerationResult smallResult;
  private static StoredData smallData;

  @BeforeAll
  static void generateSmallSet() throws IOException {
    small =
        GeneratorSettings.builder(AS_OF)
            .days(5)
            .addresses(300)
            .eventsPerDay(400)
            .streamName("test-stream")
            .bufferSeconds(900)
            .duplicateRate(0.02)
            .lateRate(0.03)
            .edgeCases(true)
            .build();
    smallResult = new EventGenerator(small).threads(2).generate(tmp.resolve("small"));
    smallData = StoredData.read(tmp.resolve("small"));
  }

  @Test
  void sameSeedAndSettings_anyThreadCount_shouldWriteIdenticalFiles() throws IOException {
    new EventGenerator(small).threads(1).generate(tmp.resolve("again"));
    StoredData again = StoredData.read(tmp.resolve("again"));

    assertThat(again.objects).hasSameSizeAs(smallData.objects);
    for (int i = 0; i < again.objects.size(); i++) {
      assertThat(again.objects.get(i).path()).isEqualTo(smallData.objects.get(i).path());
      assertThat(again.objects.get(i).raw())
          .as(again.objects.get(i).path())
          .isEqualTo(smallData.objects.get(i).raw());
    }
  }

  @Test
  void differentSeed_shouldWriteDifferentData() throws IOException {
    new EventGenerator(small.toBuilder().seed(2).build()).generate(tmp.resolve("seed2"));
    StoredData other = StoredData.read(tmp.resolve("seed2"));

    Set<String> records =
        smallData.records.stream().map(StoredData.StoredRecord::json).collect(Collectors.toSet());
    long shared = other.records.stream().filter(r -> records.contains(r.json())).count();
    // Only edge-case records may coincide; they sit at fixed instants, but their IDs still follow
    // the seed.
    assertThat(shared).isZero();
    assertThat(other.objects.stream().map(StoredData.StoredObject::path).toList())
        .isNotEqualTo(smallData.objects.stream().map(StoredData.StoredObject::path).toList());
  }

  @Test
  void firehoseLayout_shouldUseHourFoldersNamedLikeTheObjectsTimestamp() {
    assertThat(smallData.objects).isNotEmpty();
    for (StoredData.StoredObject o : smallData.objects) {
      Matcher m = FIREHOSE_PATH.matcher(o.path());
      assertThat(m.matches()).as(o.path()).isTrue();
      for (int g = 1; g <= 4; g++) {
        assertThat(m.group(g))
            .as("folder and name agree in %s", o.path())
            .isEqualTo(m.group(g + 4));
      }
      assertThat(o.gzip()).as("gzip content iff .gz: %s", o.path()).isEqualTo(m.group(11) != null);
    }
  }

  @Test
  void everyRecord_shouldReachItsObjectWithinTheBufferIntervalOfTheObjectsTimestamp() {
    for (StoredData.StoredRecord r : smallData.records) {
      long objectStart = nameInstant(r.object().path()).toEpochMilli();
      // The name has whole seconds; a record arrives no later than its own Firehose time, which is
      // in the window.
      assertThat(r.arrival())
          .as(r.object().path())
          .isLessThan(objectStart + 1000 + small.bufferSeconds() * 1000L);
    }
  }

  @Test
  void everyRecord_shouldCarryTheThreeFieldsOfTheSpecWithTheirTypes() {
    assertThat(smallData.records).hasSize((int) smallResult.records());
    Set<String> types =
        Stream.of(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());
    for (StoredData.StoredRecord r : smallData.records) {
      JsonNode n = r.node();
      assertThat(n.get("event_type").isTextual()).isTrue();
      assertThat(types).contains(r.eventType());
      assertThat(n.get("arrival_timestamp").isIntegralNumber()).as(r.json()).isTrue();
      assertThat(n.get("event_timestamp").isIntegralNumber()).isTrue();
      JsonNode destination = r.mail().get("destination");
      if (r.mail().path("destination").isMissingNode() || destination.isNull()) {
        assertThat(r.mail().path("destination").toString()).isIn("", "null");
        continue;
      }
      assertThat(destination.isArray()).as(r.json()).isTrue();
      for (JsonNode address : destination) {
        assertThat(address.isTextual() || address.isNull()).isTrue();
      }
    }
  }

  @Test
  void poolRecords_shouldLookLikePinpointsWithTheirTypesObject() {
    Map<String, String> typeObject =
        Map.of(
            "_email.send",
            "send",
            "_email.delivered",
            "delivery",
            "_email.open",
            "open",
            "_email.click",
            "click",
            "_email.unsubscribe",
            "click",
            "_email.hardbounce",
            "bounce",
            "_email.softbounce",
            "bounce",
            "_email.complaint",
            "complaint",
            "_email.rejected",
            "reject",
            "_email.rendering_failure",
            "failure");
    for (StoredData.StoredRecord r :
        smallData.records.stream().filter(EventGeneratorTest::isPool).toList()) {
      JsonNode mailEvent = r.node().path("facets").path("email_channel").path("mail_event");
      assertThat(mailEvent.has(typeObject.get(r.eventType()))).as(r.json()).isTrue();
      assertThat(mailEvent.size()).isEqualTo(2);
      assertThat(r.node().path("event_version").asText()).isEqualTo("3.1");
      assertThat(r.mail().path("headers").isArray()).isTrue();
      assertThat(r.mail().path("common_headers").path("subject").isTextual()).isTrue();
      if (r.eventType().equals("_email.delivered")) {
        JsonNode recipients = mailEvent.path("delivery").path("recipients");
        assertThat(recipients.size()).isEqualTo(1);
        assertThat(r.mail().path("destination").toString()).contains(recipients.get(0).toString());
      }
    }
  }

  @Test
  void concatenatedObjects_shouldHaveNoDelimiterAndNdjsonOnePerLine() {
    int concatenatedWithSeveral = 0;
    int ndjson = 0;
    for (StoredData.StoredObject o : smallData.objects) {
      String text = o.text();
      List<StoredData.StoredRecord> records = StoredData.parse(o);
      if (!text.contains("\n")) {
        assertThat(text).startsWith("{").endsWith("}");
        if (records.size() > 1) {
          concatenatedWithSeveral++;
          assertThat(text).contains("}{");
          assertThat(text.length())
              .isEqualTo(records.stream().mapToInt(r -> r.json().length()).sum());
        }
      } else {
        ndjson++;
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = text.split(separator, -1);
        assertThat(lines[lines.length - 1]).as("ends with a separator: %s", o.path()).isEmpty();
        assertThat(lines).hasSize(records.size() + 1);
        for (int i = 0; i < records.size(); i++) {
          assertThat(lines[i]).isEqualTo(records.get(i).json());
        }
      }
    }
    assertThat(concatenatedWithSeveral).isPositive();
    assertThat(ndjson).isPositive();
  }

  @Test
  void result_shouldMatchWhatIsOnDisk() throws IOException {
    long bytes = 0;
    for (StoredData.StoredObject o : smallData.objects) {
      bytes += o.raw().length;
    }
    Set<String> distinct =
        smallData.records.stream().map(StoredData.StoredRecord::json).collect(Collectors.toSet());
    Map<String, Long> byType = new LinkedHashMap<>();
    smallData.records.stream()
        .map(StoredData.StoredRecord::json)
        .distinct()
        .forEach(json -> byType.merge(typeOf(json), 1L, Long::sum));

    assertThat(smallResult.files()).isEqualTo(smallData.objects.size());
    assertThat(smallResult.bytes()).isEqualTo(bytes);
    assertThat(smallResult.records()).isEqualTo(smallData.records.size());
    assertThat(smallResult.events()).isEqualTo(distinct.size());
    for (EventType type : EventType.values()) {
      assertThat(smallResult.events(type))
          .as(type.wireName())
          .isEqualTo(byType.getOrDefault(type.wireName(), 0L));
    }
  }

  @Test
  void hadoopFileSystemPath_shouldWriteTheSameBytesAsTheLocalOne() throws IOException {
    // Few objects: without Hadoop's native library, each new file costs a chmod process.
    GeneratorSettings tiny =
        small.toBuilder().days(1).daysAfter(0).edgeCases(false).bufferSeconds(3 * 3600).build();
    new EventGenerator(tiny).generate(tmp.resolve("local"));
    Configuration conf = new Configuration(false);
    // The raw local file system: the same FileSystem API as s3a, without checksum files.
    conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    Path viaHadoop = tmp.resolve("hadoop");
    new EventGenerator(tiny).generate(new HadoopObjectStore(viaHadoop.toUri(), conf));

    StoredData local = StoredData.read(tmp.resolve("local"));
    StoredData hadoop = StoredData.read(viaHadoop);
    assertThat(hadoop.objects.stream().map(StoredData.StoredObject::path).toList())
        .isEqualTo(local.objects.stream().map(StoredData.StoredObject::path).toList());
    for (int i = 0; i < local.objects.size(); i++) {
      assertThat(hadoop.objects.get(i).raw()).isEqualTo(local.objects.get(i).raw());
    }
    assertThatThrownBy(
            () -> new EventGenerator(tiny).generate(new HadoopObjectStore(viaHadoop.toUri(), conf)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(": the folder is not empty (");
  }

  @Test
  void hiveLayout_shouldUseKeyValueHourFolders() throws IOException {
    Path out = tmp.resolve("hive");
    new EventGenerator(small.toBuilder().days(2).edgeCases(false).layout(Layout.HIVE).build())
        .generate(out);

    List<String> paths =
        StoredData.read(out).objects.stream().map(StoredData.StoredObject::path).toList();
    assertThat(paths)
        .isNotEmpty()
        .allMatch(
            p ->
                p.matches(
                    "year=\\d{4}/month=\\d{2}/day=\\d{2}/hour=\\d{2}/test-stream-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[-0-9a-f]{36}(\\.gz)?"));
  }

  @Test
  void flatLayout_shouldPutEveryObjectInTheFolder() throws IOException {
    Path out = tmp.resolve("flat");
    new EventGenerator(small.toBuilder().days(2).edgeCases(false).layout(Layout.FLAT).build())
        .generate(out);

    List<String> paths =
        StoredData.read(out).objects.stream().map(StoredData.StoredObject::path).toList();
    assertThat(paths).isNotEmpty().allMatch(p -> !p.contains("/"));
  }

  @Test
  void nonEmptyFolder_shouldBeRefusedUnlessReplacing() throws IOException {
    Path out = tmp.resolve("occupied");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    GeneratorSettings tiny = small.toBuilder().days(1).edgeCases(false).build();

    assertThatThrownBy(() -> new EventGenerator(tiny).generate(out))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "Cannot generate into "
                + out.toUri()
                + ": the folder is not empty (choose an empty or new folder, or pass --replace to delete it first)");
    assertThat(out.resolve("keep.txt")).exists();

    new EventGenerator(tiny).replaceExisting().generate(out);
    assertThat(out.resolve("keep.txt")).doesNotExist();
    assertThat(StoredData.read(out).records).isNotEmpty();
  }

  @Test
  void snapshot_shouldHoldNothingButEdgeCasesFromTheStartOfAsOfPlusDaysAfter() {
    long snapshotEnd =
        AS_OF.plusDays(small.daysAfter()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long firstSend =
        AS_OF.minusDays(small.days()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long until = AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    List<StoredData.StoredRecord> pool =
        smallData.records.stream().filter(EventGeneratorTest::isPool).toList();

    assertThat(pool).allMatch(r -> nameInstant(r.object().path()).toEpochMilli() < snapshotEnd);
    assertThat(pool).allMatch(r -> r.node().get("event_timestamp").asLong() >= firstSend);
    assertThat(pool).anyMatch(r -> r.arrival() >= until);
    assertThat(pool).anyMatch(r -> r.arrival() < until && r.arrival() >= until - DayPlanner.DAY);
  }

  /**
   * A record of the address pool: edge cases use only @edge.example.com addresses, or none at all.
   */
  static boolean isPool(StoredData.StoredRecord r) {
    JsonNode destination = r.mail().path("destination");
    if (!destination.isArray() || destination.isEmpty()) {
      return false;
    }
    for (JsonNode address : destination) {
      if (!address.isTextual()
          || address.asText().toLowerCase(java.util.Locale.ROOT).contains("@edge.example.com")) {
        return false;
      }
    }
    return true;
  }

  private static Instant nameInstant(String path) {
    Matcher m = FIREHOSE_PATH.matcher(path);
    assertThat(m.matches()).as(path).isTrue();
    String stamp =
        m.group(5)
            + "-"
            + m.group(6)
            + "-"
            + m.group(7)
            + "T"
            + m.group(8)
            + ":"
            + m.group(9)
            + ":"
            + m.group(10);
    return LocalDateTime.parse(stamp, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .toInstant(ZoneOffset.UTC);
  }

  private static String typeOf(String json) {
    try {
      return StoredData.MAPPER
          .readTree(json.getBytes(StandardCharsets.UTF_8))
          .get("event_type")
          .asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
