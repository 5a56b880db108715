package io.reengage.job.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the three fields the rules need out of one Pinpoint event record and skips everything else.
 *
 * <p>Only {@code event_type}, {@code arrival_timestamp} and {@code
 * facets.email_channel.mail_event.mail.destination} are read; headers, delivery, open and click
 * objects are skipped token by token without building values. A record is <em>bad</em> when it is
 * not a JSON object, is not valid JSON, or when one of the three fields has the wrong type (a
 * string or fractional timestamp, a destination that is not an array of strings, or holds a string
 * with an unpaired surrogate escape such as {@code \ud800}, which no UTF-8 file can carry). A
 * record whose type is not one the caller wants is <em>ignored</em>: its other fields are not
 * validated, so a quirk in an event we never count cannot fail a run. A missing or null timestamp
 * or destination is not bad: the query simply finds nothing for it, and so does the job.
 *
 * <p>When a key repeats, the last value wins, as in most JSON readers.
 */
public final class PinpointEventParser {

  /** What became of one record. */
  public enum Outcome {
    EVENT,
    IGNORED,
    BAD
  }

  private final EventTypeFilter types;
  // Duplicate keys are allowed (last wins). One factory per parser, and so per thread, that keeps
  // one
  // buffer recycler: a parser is created per record, and Jackson's default per-thread recycler
  // costs
  // a thread-local lookup each time, which showed in profiles of Spark's task threads.
  private final JsonFactory factory = new SingleThreadFactory();

  // Result of the last EVENT outcome; reused to avoid per-record allocation of a holder.
  private String eventType;
  private long arrivalTimestamp;
  private boolean hasTimestamp;
  private String[] destination;
  private final List<String> scratch = new ArrayList<>(8);

  public PinpointEventParser(EventTypeFilter types) {
    this.types = types;
  }

  public String eventType() {
    return eventType;
  }

  /** Epoch milliseconds; only meaningful when {@link #hasTimestamp()}. */
  public long arrivalTimestamp() {
    return arrivalTimestamp;
  }

  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  /** The destination array as written (elements may be null), or null when absent. */
  public String[] destination() {
    return destination;
  }

  public Outcome parse(byte[] buffer, int offset, int length) {
    try (JsonParser p = factory.createParser(buffer, offset, length)) {
      return parseRecord(p);
    } catch (IOException | RuntimeException e) {
      // Malformed JSON, invalid UTF-8, a number too large for a long: the record is bad, not the
      // run.
      return Outcome.BAD;
    }
  }

  private Outcome parseRecord(JsonParser p) throws IOException {
    eventType = null;
    hasTimestamp = false;
    destination = null;
    boolean typeWrong = false;
    boolean timestampWrong = false;
    boolean destinationWrong = false;

    if (p.nextToken() != JsonToken.START_OBJECT) {
      return Outcome.BAD;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "event_type":
          if (v == JsonToken.VALUE_STRING) {
            eventType = p.getText();
            typeWrong = false;
          } else {
            eventType = null;
            typeWrong = v != JsonToken.VALUE_NULL;
            p.skipChildren();
          }
          break;
        case "arrival_timestamp":
          if (v == JsonToken.VALUE_NUMBER_INT) {
            arrivalTimestamp = p.getLongValue();
            hasTimestamp = true;
            timestampWrong = false;
          } else {
            hasTimestamp = false;
            timestampWrong = v != JsonToken.VALUE_NULL;
            p.skipChildren();
          }
          break;
        case "facets":
          // A repeated key replaces what the earlier one said, including a destination it held.
          destination = null;
          destinationWrong = !readFacets(p, v);
          break;
        default:
          p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      return Outcome.BAD;
    }
    // Anything after the closing brace inside the slice means the slice was not one clean object.
    if (p.nextToken() != null) {
      return Outcome.BAD;
    }
    if (typeWrong) {
      return Outcome.BAD;
    }
    if (eventType == null || !types.wants(eventType)) {
      return Outcome.IGNORED;
    }
    eventType = types.canonical(eventType);
    if (timestampWrong || destinationWrong) {
      return Outcome.BAD;
    }
    return Outcome.EVENT;
  }

  /**
   * Descends facets.email_channel.mail_event.mail.destination; false when a level has the wrong
   * type.
   */
  private boolean readFacets(JsonParser p, JsonToken v) throws IOException {
    return descend(p, v, 0);
  }

  private static final String[] PATH = {"email_channel", "mail_event", "mail", "destination"};

  private boolean descend(JsonParser p, JsonToken v, int level) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return true;
    }
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean ok = true;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken child = p.nextToken();
      if (PATH[level].equals(name)) {
        destination = null; // last one wins, also for a repeated enclosing object
        if (level == PATH.length - 1) {
          ok = readDestination(p, child);
        } else {
          ok = descend(p, child, level + 1);
        }
      } else {
        p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("unterminated object");
    }
    return ok;
  }

  private boolean readDestination(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      destination = null;
      return true;
    }
    if (v != JsonToken.START_ARRAY) {
      destination = null;
      p.skipChildren();
      return false;
    }
    scratch.clear();
    boolean ok = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException("unterminated array");
      }
      if (t == JsonToken.VALUE_STRING) {
        String address = p.getText();
        if (hasUnpairedSurrogate(address)) {
          ok =
              false; // an escaped lone surrogate is no text: UTF-8 (and so the CSV) cannot carry it
        } else {
          scratch.add(address);
        }
      } else if (t == JsonToken.VALUE_NULL) {
        scratch.add(null);
      } else {
        ok = false;
        p.skipChildren();
      }
    }
    destination = ok ? scratch.toArray(new String[0]) : null;
    return ok;
  }

  /** A factory whose parsers all run on one thread, one after another, sharing one recycler. */
  private static final class SingleThreadFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;
    private final transient com.fasterxml.jackson.core.util.BufferRecycler recycler =
        new com.fasterxml.jackson.core.util.BufferRecycler();

    @Override
    public com.fasterxml.jackson.core.util.BufferRecycler _getBufferRecycler() {
      return recycler;
    }
  }

  private static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
