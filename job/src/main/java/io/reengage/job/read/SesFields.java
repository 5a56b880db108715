package io.reengage.job.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The SES event-publishing fields of one record, as {@link EventRecordParser} meets them: {@code
 * eventType}, {@code mail.destination}, and of the event's own object its time ({@code
 * delivery.timestamp}, {@code open.timestamp}, {@code click.timestamp}), {@code
 * delivery.recipients}, and for opens {@code open.userAgent}, {@code open.ipAddress} and {@code
 * open.isBotEvent}. Everything else (headers, tags, links, ...) is skipped token by token.
 *
 * <p>Times are kept as epoch milliseconds with a state each, because whether a wrong one makes the
 * record bad depends on the record's type, which may come after the object.
 */
final class SesFields {

  /** The state of a value that may be absent, usable, or present but wrong. */
  static final int ABSENT = 0;

  static final int PRESENT = 1;
  static final int WRONG = 2;

  /** The SES event types the rules use, and the Pinpoint type each one plays. */
  static final String DELIVERY = "Delivery";

  static final String OPEN = "Open";
  static final String CLICK = "Click";

  /** {@code eventType} as written; null when absent, null or not a string. */
  String eventType;

  boolean typeWrong;
  int typeKeys;

  String[] destination;
  boolean destinationWrong;

  final EventObject delivery = new EventObject();
  final EventObject open = new EventObject();
  final EventObject click = new EventObject();

  private final JsonValues values;
  private final boolean readIpAddress;

  /**
   * @param readIpAddress read the open's IP address (only a classifier with IP ranges needs it)
   */
  SesFields(JsonValues values, boolean readIpAddress) {
    this.values = values;
    this.readIpAddress = readIpAddress;
  }

  /** The time and details of one event object ({@code delivery}, {@code open} or {@code click}). */
  static final class EventObject {
    int timeState;
    long timeMillis;
    int recipientsState;
    String[] recipients;
    String userAgent;
    String ipAddress;
    String isBotEvent;

    void reset() {
      timeState = ABSENT;
      recipientsState = ABSENT;
      recipients = null;
      userAgent = null;
      ipAddress = null;
      isBotEvent = null;
    }
  }

  void reset() {
    eventType = null;
    typeWrong = false;
    typeKeys = 0;
    destination = null;
    destinationWrong = false;
    delivery.reset();
    open.reset();
    click.reset();
  }

  /** The Pinpoint type an SES type plays, or null for the types the rules ignore. */
  static String pinpointType(String sesType) {
    if (sesType == null) {
      return null;
    }
    return switch (sesType) {
      case DELIVERY -> io.reengage.job.rules.RuleParameters.DELIVERED;
      case OPEN -> EventTypeAliases.OPEN;
      case CLICK -> EventTypeAliases.CLICK;
      default -> null;
    };
  }

  void readType(JsonParser p, JsonToken v) throws IOException {
    typeKeys++;
    if (v == JsonToken.VALUE_STRING) {
      eventType = p.getText();
      typeWrong = false;
    } else {
      eventType = null;
      typeWrong = v != JsonToken.VALUE_NULL;
      p.skipChildren();
    }
  }

  void readMail(JsonParser p, JsonToken v) throws IOException {
    String[] read = values.mailDestination(p, v);
    destinationWrong = read == JsonValues.WRONG_TYPE;
    destination = destinationWrong ? null : read;
  }

  /**
   * Reads an event object; a repeated key replaces what the earlier one said.
   *
   * @param recipients also read {@code recipients} (deliveries)
   * @param openDetails also read the user agent, IP address and bot flag (opens)
   */
  void readEventObject(
      JsonParser p, JsonToken v, EventObject into, boolean recipients, boolean openDetails)
      throws IOException {
    into.reset();
    if (v == JsonToken.VALUE_NULL) {
      return;
    }
    if (v != JsonToken.START_OBJECT) {
      // No time can be read from it: as wrong as a time of the wrong type.
      p.skipChildren();
      into.timeState = WRONG;
      into.recipientsState = WRONG;
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken child = p.nextToken();
      switch (name) {
        case "timestamp" -> readTime(p, child, into);
        case "recipients" -> {
          if (recipients) {
            String[] read = values.stringArray(p, child);
            into.recipientsState =
                read == JsonValues.WRONG_TYPE ? WRONG : read == null ? ABSENT : PRESENT;
            into.recipients = into.recipientsState == PRESENT ? read : null;
          } else {
            p.skipChildren();
          }
        }
        // Only the proxy's exact user agent, or "Likely", can make a machine open; other values
        // are not kept, so they cost no String.
        case "userAgent" ->
            into.userAgent =
                openDetails
                    ? JsonValues.ifExactly(p, child, MachineOpenClassifier.PROXY_USER_AGENT)
                    : details(p, child, false);
        case "ipAddress" -> into.ipAddress = details(p, child, openDetails && readIpAddress);
        case "isBotEvent" ->
            into.isBotEvent =
                openDetails
                    ? JsonValues.ifExactly(p, child, MachineOpenClassifier.BOT_EVENT_LIKELY)
                    : details(p, child, false);
        default -> p.skipChildren();
      }
    }
    JsonValues.expectEndObject(t);
  }

  private static String details(JsonParser p, JsonToken v, boolean wanted) throws IOException {
    if (!wanted) {
      p.skipChildren();
      return null;
    }
    return JsonValues.optionalString(p, v);
  }

  /** An ISO-8601 instant string, parsed from the parser's own buffer without a String. */
  private static void readTime(JsonParser p, JsonToken v, EventObject into) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      into.timeState = ABSENT;
      return;
    }
    if (v != JsonToken.VALUE_STRING) {
      p.skipChildren();
      into.timeState = WRONG;
      return;
    }
    long millis =
        IsoInstants.parseMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (millis == IsoInstants.INVALID) {
      into.timeState = WRONG;
    } else {
      into.timeState = PRESENT;
      into.timeMillis = millis;
    }
  }
}
