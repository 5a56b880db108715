package io.reengage.job.generate;

/**
 * One email as Pinpoint or SES sends it: what every event of the message repeats in its {@code
 * mail} object. Destinations are held as escaped JSON string content, ready to copy.
 */
final class Message {

  /** What sent the message; decides the attributes, sender and subject. */
  enum Source {
    CAMPAIGN,
    JOURNEY,
    TRANSACTIONAL
  }

  /** How the destination array is written; anything but LIST exists only in edge cases. */
  enum DestinationForm {
    LIST,
    JSON_NULL,
    MISSING
  }

  final long seed;
  final long sendTs;
  final Source source;
  final long sourceKey;
  final int subject;

  /** Escaped addresses; a null element is written as JSON null. */
  final byte[][] destination;

  /** Seeds the endpoint ID of each recipient. */
  final long[] endpointKeys;

  final DestinationForm destinationForm;

  /** Writes the record's fields in an unusual order (edge cases only). */
  final boolean reorderedFields;

  /** Sent with SES, so its events are SES event-publishing records; else Pinpoint's. */
  final boolean ses;

  Message(
      long seed,
      long sendTs,
      Source source,
      long sourceKey,
      int subject,
      byte[][] destination,
      long[] endpointKeys,
      DestinationForm destinationForm,
      boolean reorderedFields,
      boolean ses) {
    this.seed = seed;
    this.sendTs = sendTs;
    this.source = source;
    this.sourceKey = sourceKey;
    this.subject = subject;
    this.destination = destination;
    this.endpointKeys = endpointKeys;
    this.destinationForm = destinationForm;
    this.reorderedFields = reorderedFields;
    this.ses = ses;
  }
}
