package io.reengage.job.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The Pinpoint fields of one record, as {@link EventRecordParser} meets them: {@code event_type},
 * {@code arrival_timestamp}, {@code facets.email_channel.mail_event.mail.destination} and, for
 * opens, {@code facets.email_channel.mail_event.open.user_agent} and {@code .ip_address}. Every
 * other part of {@code facets} is skipped token by token.
 *
 * <p>A level of the destination's path that is not an object (nor null), or a destination that is
 * not an array of strings, makes the field wrongly typed; the open's details are never validated (a
 * missing or odd user agent simply is not a machine's).
 */
final class PinpointFields {

  /** {@code event_type} as written; null when absent, null or not a string. */
  String eventType;

  /** {@code event_type} is present with a type other than string or null. */
  boolean typeWrong;

  /** How many times the key {@code event_type} appeared (a repeat can override what came first). */
  int typeKeys;

  long arrivalTimestamp;
  boolean hasTimestamp;
  boolean timestampWrong;

  String[] destination;
  boolean destinationWrong;

  /** The open's user agent when it is exactly the proxy's; null otherwise. */
  String userAgent;

  String ipAddress;

  private final JsonValues values;
  private final boolean readIpAddress;

  /**
   * @param readIpAddress read the open's IP address (only a classifier with IP ranges needs it)
   */
  PinpointFields(JsonValues values, boolean readIpAddress) {
    this.values = values;
    this.readIpAddress = readIpAddress;
  }

  void reset() {
    eventType = null;
    typeWrong = false;
    typeKeys = 0;
    hasTimestamp = false;
    timestampWrong = false;
    destination = null;
    destinationWrong = false;
    userAgent = null;
    ipAddress = null;
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

  void readArrivalTimestamp(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      arrivalTimestamp = p.getLongValue();
      hasTimestamp = true;
      timestampWrong = false;
    } else {
      hasTimestamp = false;
      timestampWrong = v != JsonToken.VALUE_NULL;
      p.skipChildren();
    }
  }

  /**
   * Reads {@code facets}; a repeated key replaces what the earlier one said.
   *
   * @param openDetails also read the open's user agent and IP address (only worth it for opens)
   */
  void readFacets(JsonParser p, JsonToken v, boolean openDetails) throws IOException {
    destination = null;
    destinationWrong = false;
    userAgent = null;
    ipAddress = null;
    descend(p, v, 0, openDetails);
  }

  private static final String[] PATH = {"email_channel", "mail_event"};

  /** Walks facets.email_channel.mail_event, whose "mail" and "open" hold what is wanted. */
  private void descend(JsonParser p, JsonToken v, int level, boolean openDetails)
      throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return;
    }
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      destinationWrong = true;
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken child = p.nextToken();
      if (level < PATH.length) {
        if (PATH[level].equals(name)) {
          // Last one wins, also for a repeated enclosing object.
          destination = null;
          destinationWrong = false;
          userAgent = null;
          ipAddress = null;
          descend(p, child, level + 1, openDetails);
        } else {
          p.skipChildren();
        }
      } else if ("mail".equals(name)) {
        destination = null;
        destinationWrong = false;
        readMail(p, child);
      } else if (openDetails && "open".equals(name)) {
        userAgent = null;
        ipAddress = null;
        readOpen(p, child);
      } else {
        p.skipChildren();
      }
    }
    JsonValues.expectEndObject(t);
  }

  private void readMail(JsonParser p, JsonToken v) throws IOException {
    String[] read = values.mailDestination(p, v);
    destinationWrong = read == JsonValues.WRONG_TYPE;
    destination = destinationWrong ? null : read;
  }

  private void readOpen(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken child = p.nextToken();
      switch (name) {
        // Only the proxy's exact user agent can make a machine open; any other is not kept.
        case "user_agent" ->
            userAgent = JsonValues.ifExactly(p, child, MachineOpenClassifier.PROXY_USER_AGENT);
        case "ip_address" ->
            ipAddress = readIpAddress ? JsonValues.optionalString(p, child) : skipped(p);
        default -> p.skipChildren();
      }
    }
    JsonValues.expectEndObject(t);
  }

  private static String skipped(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
