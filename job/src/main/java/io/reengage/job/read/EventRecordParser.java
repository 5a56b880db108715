package io.reengage.job.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.reengage.job.rules.RuleParameters;
import java.io.IOException;

/**
 * Turns one event record, Pinpoint's or SES's, into the three fields the rules need (and whether an
 * open was a machine open), skipping everything else token by token without building values.
 *
 * <p><b>Which source.</b> Decided per record (SPEC.md, "Which source a record is"): a top-level
 * string {@code event_type} makes a Pinpoint record ({@link PinpointFields}); otherwise a top-level
 * string {@code eventType} makes an SES record ({@link SesFields}), whose type is mapped to the
 * Pinpoint type it plays; a record with neither is of an ignored type. Keys come in any order, so
 * the one pass collects both sources' fields and decides at the end; once a type is known, what it
 * cannot use is skipped unread. A record that repeats a type key after such a skip is parsed again
 * without skipping, so that the last key wins as in most JSON readers.
 *
 * <p><b>Bad, ignored, event.</b> A record is <em>bad</em> when it is not a JSON object, is not
 * valid JSON, or when a field its type uses has the wrong type: a wrongly typed type key, a
 * Pinpoint timestamp that is not an integer, an SES time that is not an ISO-8601 instant string
 * with a zone, a destination or {@code delivery.recipients} that is not an array of strings, or one
 * holding a string with an unpaired surrogate escape such as {@code \ud800} (no UTF-8 file, and so
 * no CSV, can carry it). A record whose type the caller does not want is <em>ignored</em>: its
 * other fields are not validated, so a quirk in an event we never count cannot fail a run. A
 * missing or null time or destination is not bad: the query simply finds nothing for it.
 *
 * <p>One parser serves one thread; the result fields are reused from record to record.
 */
public final class EventRecordParser {

  /** What became of one record. */
  public enum Outcome {
    EVENT,
    IGNORED,
    BAD
  }

  /** Which source a record was recognised as; {@code NONE} for records of neither kind. */
  public enum Source {
    NONE,
    PINPOINT,
    SES
  }

  private final EventTypeFilter types;
  private final MachineOpenClassifier machineOpens;
  // Duplicate keys are allowed (last wins). One factory per parser, and so per thread, that keeps
  // one buffer recycler: a parser is created per record, and Jackson's default per-thread recycler
  // costs a thread-local lookup each time, which showed in profiles of Spark's task threads.
  private final JsonFactory factory = new SingleThreadFactory();
  private final JsonValues values = new JsonValues();
  private final PinpointFields pinpoint;
  private final SesFields ses;

  // Result of the last record; reused to avoid per-record allocation of a holder.
  private Source source;
  private String eventType;
  private long arrivalTimestamp;
  private boolean hasTimestamp;
  private String[] destination;
  private boolean machineOpen;

  // Whether the record in hand had a part skipped because of a type key seen before it.
  private boolean skippedOnType;

  public EventRecordParser(EventTypeFilter types) {
    this(types, MachineOpenClassifier.userAgentOnly());
  }

  public EventRecordParser(EventTypeFilter types, MachineOpenClassifier machineOpens) {
    this.types = types;
    this.machineOpens = machineOpens;
    this.pinpoint = new PinpointFields(values, machineOpens.needsIpAddress());
    this.ses = new SesFields(values, machineOpens.needsIpAddress());
  }

  /** The source of the last record (also set for ignored and some bad records). */
  public Source source() {
    return source;
  }

  /** The Pinpoint type the last event is, or plays. */
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

  /** Whether the last event is an open classified as a machine open. */
  public boolean machineOpen() {
    return machineOpen;
  }

  public Outcome parse(byte[] buffer, int offset, int length) {
    Outcome outcome = parse(buffer, offset, length, true);
    if (skippedOnType && (pinpoint.typeKeys > 1 || ses.typeKeys > 1)) {
      outcome = parse(buffer, offset, length, false);
    }
    return outcome;
  }

  private Outcome parse(byte[] buffer, int offset, int length, boolean skipByType) {
    source = Source.NONE;
    eventType = null;
    hasTimestamp = false;
    destination = null;
    machineOpen = false;
    skippedOnType = false;
    pinpoint.reset();
    ses.reset();
    try (JsonParser p = factory.createParser(buffer, offset, length)) {
      return parseRecord(p, skipByType);
    } catch (IOException | RuntimeException e) {
      // Malformed JSON, invalid UTF-8, a number too large for a long: the record is bad, not the
      // run.
      return Outcome.BAD;
    }
  }

  private Outcome parseRecord(JsonParser p, boolean skipByType) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return Outcome.BAD;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "event_type" -> pinpoint.readType(p, v);
        case "arrival_timestamp" -> pinpoint.readArrivalTimestamp(p, v);
        case "facets" -> {
          String known = skipByType ? pinpoint.eventType : null;
          if (known != null && !types.wants(known)) {
            skip(p);
          } else {
            if (known != null && !EventTypeAliases.OPEN.equals(known)) {
              skippedOnType = true;
            }
            pinpoint.readFacets(p, v, known == null || EventTypeAliases.OPEN.equals(known));
          }
        }
        case "eventType" -> ses.readType(p, v);
        case "mail" -> {
          if (skipByType && sesPartsUseless()) {
            skip(p);
          } else {
            ses.readMail(p, v);
          }
        }
        case "delivery" -> readSesObject(p, v, ses.delivery, SesFields.DELIVERY, skipByType);
        case "open" -> readSesObject(p, v, ses.open, SesFields.OPEN, skipByType);
        case "click" -> readSesObject(p, v, ses.click, SesFields.CLICK, skipByType);
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      return Outcome.BAD;
    }
    // Anything after the closing brace inside the slice means the slice was not one clean object.
    if (p.nextToken() != null) {
      return Outcome.BAD;
    }
    if (pinpoint.eventType != null) {
      source = Source.PINPOINT;
      return pinpointEvent();
    }
    if (ses.eventType != null) {
      source = Source.SES;
      return sesEvent();
    }
    // A type key of the wrong type is bad, as it always was for Pinpoint's.
    return pinpoint.typeWrong || ses.typeWrong ? Outcome.BAD : Outcome.IGNORED;
  }

  private void skip(JsonParser p) throws IOException {
    skippedOnType = true;
    p.skipChildren();
  }

  /**
   * True when the SES parts of the record cannot matter: it is a Pinpoint record, or its SES type
   * is one the caller does not want.
   */
  private boolean sesPartsUseless() {
    if (pinpoint.eventType != null) {
      return true;
    }
    if (ses.eventType == null) {
      return false;
    }
    String played = SesFields.pinpointType(ses.eventType);
    return played == null || !types.wants(played);
  }

  private void readSesObject(
      JsonParser p, JsonToken v, SesFields.EventObject into, String ownType, boolean skipByType)
      throws IOException {
    if (skipByType
        && (sesPartsUseless() || (ses.eventType != null && !ownType.equals(ses.eventType)))) {
      skip(p);
      return;
    }
    boolean delivery = into == ses.delivery;
    boolean open = into == ses.open;
    ses.readEventObject(p, v, into, delivery, open);
  }

  private Outcome pinpointEvent() {
    if (!types.wants(pinpoint.eventType)) {
      return Outcome.IGNORED;
    }
    eventType = types.canonical(pinpoint.eventType);
    if (pinpoint.timestampWrong || pinpoint.destinationWrong) {
      return Outcome.BAD;
    }
    hasTimestamp = pinpoint.hasTimestamp;
    arrivalTimestamp = pinpoint.arrivalTimestamp;
    destination = pinpoint.destination;
    if (eventType.equals(EventTypeAliases.OPEN)) {
      machineOpen = machineOpens.isMachineOpen(pinpoint.userAgent, pinpoint.ipAddress, null);
    }
    return Outcome.EVENT;
  }

  private Outcome sesEvent() {
    String played = SesFields.pinpointType(ses.eventType);
    if (played == null || !types.wants(played)) {
      return Outcome.IGNORED;
    }
    eventType = types.canonical(played);
    SesFields.EventObject own =
        switch (ses.eventType) {
          case SesFields.DELIVERY -> ses.delivery;
          case SesFields.OPEN -> ses.open;
          default -> ses.click;
        };
    if (own.timeState == SesFields.WRONG) {
      return Outcome.BAD;
    }
    if (played.equals(RuleParameters.DELIVERED) && own.recipientsState != SesFields.ABSENT) {
      // delivery.recipients names who this delivery reached; mail.destination is not used.
      if (own.recipientsState == SesFields.WRONG) {
        return Outcome.BAD;
      }
      destination = own.recipients;
    } else {
      if (ses.destinationWrong) {
        return Outcome.BAD;
      }
      destination = ses.destination;
    }
    hasTimestamp = own.timeState == SesFields.PRESENT;
    arrivalTimestamp = own.timeMillis;
    if (played.equals(EventTypeAliases.OPEN)) {
      machineOpen = machineOpens.isMachineOpen(own.userAgent, own.ipAddress, own.isBotEvent);
    }
    return Outcome.EVENT;
  }

  /** A factory whose parsers all run on one thread, one after another, sharing one recycler. */
  private static final class SingleThreadFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;
    private final transient BufferRecycler recycler = new BufferRecycler();

    @Override
    public BufferRecycler _getBufferRecycler() {
      return recycler;
    }
  }
}
