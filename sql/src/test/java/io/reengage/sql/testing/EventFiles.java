package io.reengage.sql.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads Firehose event objects into the three columns the query uses, with plain Jackson and
 * nothing of the job: every file under a folder, plain or gzip (by its magic bytes),
 * newline-delimited or concatenated records, with or without a byte-order mark. It is deliberately
 * simple and slow; its only job is to be independent of the reader under test.
 *
 * <p>A record is kept whatever its event type or time, as an Athena table holds everything. A
 * record that is not an object, or whose event_type, arrival_timestamp or destination has a type
 * the table could not hold (SPEC.md "Bad records"), is counted and skipped. Unreadable JSON fails
 * the load: the data sets used here hold none.
 */
public final class EventFiles {

  /** One record's three fields; a missing or JSON null value is null. */
  public record Event(String eventType, Long arrivalTimestamp, List<String> destination) {}

  public record Load(List<Event> events, int files, long records, long skipped) {}

  // A repeated key keeps its last value, as in the job and most JSON readers (Jackson's default).
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventFiles() {}

  public static Load load(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    List<Event> events = new ArrayList<>();
    long records = 0;
    long skipped = 0;
    for (Path file : files) {
      try (InputStream in = open(file);
          MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
        while (it.hasNextValue()) {
          JsonNode record = it.nextValue();
          records++;
          Event e = toEvent(record);
          if (e == null) {
            skipped++;
          } else {
            events.add(e);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException("Cannot read " + root.relativize(file) + ": " + e.getMessage(), e);
      }
    }
    return new Load(Collections.unmodifiableList(events), files.size(), records, skipped);
  }

  private static InputStream open(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file));
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    // Jackson skips a UTF-8 byte-order mark itself.
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
  }

  /**
   * The record's fields, or null when one of them has a type the table's columns could not hold.
   */
  static Event toEvent(JsonNode record) {
    if (!record.isObject()) {
      return null;
    }
    JsonNode type = record.path("event_type");
    JsonNode ts = record.path("arrival_timestamp");
    JsonNode dest =
        record
            .path("facets")
            .path("email_channel")
            .path("mail_event")
            .path("mail")
            .path("destination");
    if (!(type.isTextual() || type.isMissingNode() || type.isNull())) {
      return null;
    }
    if (!(ts.isMissingNode() || ts.isNull() || (ts.isIntegralNumber() && ts.canConvertToLong()))) {
      return null;
    }
    List<String> destination = null;
    if (dest.isArray()) {
      destination = new ArrayList<>();
      for (JsonNode element : dest) {
        if (element.isNull()) {
          destination.add(null);
        } else if (element.isTextual()) {
          destination.add(element.textValue());
        } else {
          return null;
        }
      }
    } else if (!(dest.isMissingNode() || dest.isNull())) {
      return null;
    }
    return new Event(
        type.isTextual() ? type.textValue() : null,
        ts.isIntegralNumber() ? ts.longValue() : null,
        destination);
  }
}
