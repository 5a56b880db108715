package io.reengage.job.generate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a generated folder back with plain JDK and Jackson calls, without any of the generator's
 * code, so the tests check the files themselves.
 */
final class StoredData {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One file: its path relative to the root ('/'-separated), raw bytes, and content after gunzip.
   */
  record StoredObject(String path, byte[] raw, byte[] content) {
    boolean gzip() {
      return raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
    }

    boolean byteOrderMark() {
      return content.length >= 3
          && (content[0] & 0xff) == 0xef
          && (content[1] & 0xff) == 0xbb
          && (content[2] & 0xff) == 0xbf;
    }

    @Override
    public String toString() {
      return path;
    }

    String text() {
      int skip = byteOrderMark() ? 3 : 0;
      return new String(content, skip, content.length - skip, StandardCharsets.UTF_8);
    }
  }

  /** One record: the object it is in, its exact text, and its parsed tree. */
  record StoredRecord(StoredObject object, String json, JsonNode node) {
    @Override
    public String toString() {
      return object.path() + ": " + (json.length() > 300 ? json.substring(0, 300) + "..." : json);
    }

    String eventType() {
      return node.get("event_type").asText();
    }

    long arrival() {
      return node.get("arrival_timestamp").asLong();
    }

    JsonNode mail() {
      return node.path("facets").path("email_channel").path("mail_event").path("mail");
    }

    String messageId() {
      return mail().get("message_id").asText();
    }
  }

  final List<StoredObject> objects;
  final List<StoredRecord> records;

  private StoredData(List<StoredObject> objects, List<StoredRecord> records) {
    this.objects = objects;
    this.records = records;
  }

  static StoredData read(Path root) throws IOException {
    List<StoredObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      // Names starting with '_' are not data (the job's lister skips them too), e.g. the
      // generated machine-open IP list.
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("_"))
              .sorted()
              .toList()) {
        byte[] raw = Files.readAllBytes(file);
        String relative = root.relativize(file).toString().replace('\\', '/');
        boolean gz = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
        byte[] content = gz ? gunzip(raw) : raw;
        objects.add(new StoredObject(relative, raw, content));
      }
    }
    List<StoredRecord> records = new ArrayList<>();
    for (StoredObject o : objects) {
      records.addAll(parse(o));
    }
    return new StoredData(objects, records);
  }

  /** Splits concatenated or newline-delimited JSON objects, keeping each one's exact text. */
  static List<StoredRecord> parse(StoredObject o) {
    String text = o.text();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    List<StoredRecord> out = new ArrayList<>();
    try (JsonParser p = MAPPER.getFactory().createParser(utf8)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_OBJECT) {
          throw new IllegalStateException(
              "Expected an object at top level in " + o.path() + ", got " + t);
        }
        int start = (int) p.getTokenLocation().getByteOffset();
        JsonNode node = p.readValueAsTree();
        int end = (int) p.getCurrentLocation().getByteOffset();
        out.add(
            new StoredRecord(
                o, new String(Arrays.copyOfRange(utf8, start, end), StandardCharsets.UTF_8), node));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Unparsable JSON in " + o.path(), e);
    }
    return out;
  }

  private static byte[] gunzip(byte[] raw) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }
}
