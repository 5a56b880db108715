package io.reengage.job.generate;

/**
 * The email event types Pinpoint streams, with the {@code event_type} value each carries (Amazon
 * Pinpoint Developer Guide, "Email events": <a
 * href="https://docs.aws.amazon.com/pinpoint/latest/developerguide/event-streams-data-email.html">event-streams-data-email</a>).
 */
public enum EventType {
  SEND("_email.send", "send"),
  DELIVERED("_email.delivered", "delivered"),
  OPEN("_email.open", "opened"),
  CLICK("_email.click", "clicked"),
  HARDBOUNCE("_email.hardbounce", "hardbounce"),
  SOFTBOUNCE("_email.softbounce", "softbounce"),
  COMPLAINT("_email.complaint", "complaint"),
  REJECTED("_email.rejected", "rejected"),
  UNSUBSCRIBE("_email.unsubscribe", "unsubscribed"),
  RENDERING_FAILURE("_email.rendering_failure", "rendering_failure");

  private final String wireName;
  private final byte[] wireNameBytes;
  private final byte[] feedbackBytes;

  EventType(String wireName, String feedback) {
    this.wireName = wireName;
    this.wireNameBytes = ByteSink.ascii(wireName);
    this.feedbackBytes = ByteSink.ascii(feedback);
  }

  /** The {@code event_type} string as it appears in the JSON record. */
  public String wireName() {
    return wireName;
  }

  byte[] wireNameBytes() {
    return wireNameBytes;
  }

  byte[] feedbackBytes() {
    return feedbackBytes;
  }
}
