package io.reengage.job.generate;

import java.util.Locale;

/**
 * Which service's records the generator writes (SPEC.md, "Second source: Amazon SES event
 * publishing").
 */
public enum EventSource {
  /** Pinpoint's event stream records ({@code event_type}, {@code arrival_timestamp}, facets). */
  PINPOINT,
  /** SES event-publishing records ({@code eventType}, {@code mail}, the event's own object). */
  SES,
  /**
   * A sender who moved: messages sent before the switch date are Pinpoint's, the rest SES's. A
   * message's later opens and clicks keep the source it was sent with, as each service reports on
   * the mail it sent.
   */
  MIXED;

  static EventSource parse(String text) {
    for (EventSource s : values()) {
      if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Invalid --source: " + text + " (use pinpoint, ses or mixed)");
  }

  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
