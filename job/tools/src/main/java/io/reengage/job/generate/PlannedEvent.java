package io.reengage.job.generate;

/**
 * One record to write: an event of a message, when Pinpoint received it ({@code arrival}, the
 * record's {@code arrival_timestamp}) and when it reached Firehose ({@code firehose}, which decides
 * its object and folder). A duplicate is the same record again, written as Firehose's at-least-once
 * delivery does.
 */
final class PlannedEvent {

  final EventType type;
  final Message message;

  /**
   * Index into the message's destination of the recipient this event is about; -1 for message-level
   * events.
   */
  final int recipient;

  final long arrival;
  final long firehose;

  /** Unique per original event; orders records that reach Firehose in the same millisecond. */
  final long order;

  /** Seeds the record's details (IP address, user agent, SMTP response, ...). */
  final long detailSeed;

  final boolean duplicate;
  final boolean late;
  final boolean edge;

  /**
   * How an SES record or an open departs from the usual (edge cases and grouped deliveries); null
   * for the usual record.
   */
  final RecordVariant variant;

  PlannedEvent(
      EventType type,
      Message message,
      int recipient,
      long arrival,
      long firehose,
      long order,
      long detailSeed,
      boolean duplicate,
      boolean late,
      boolean edge) {
    this(
        type,
        message,
        recipient,
        arrival,
        firehose,
        order,
        detailSeed,
        duplicate,
        late,
        edge,
        null);
  }

  PlannedEvent(
      EventType type,
      Message message,
      int recipient,
      long arrival,
      long firehose,
      long order,
      long detailSeed,
      boolean duplicate,
      boolean late,
      boolean edge,
      RecordVariant variant) {
    this.variant = variant;
    this.type = type;
    this.message = message;
    this.recipient = recipient;
    this.arrival = arrival;
    this.firehose = firehose;
    this.order = order;
    this.detailSeed = detailSeed;
    this.duplicate = duplicate;
    this.late = late;
    this.edge = edge;
  }

  /** The same record, reaching Firehose again at {@code firehoseAgain}. */
  PlannedEvent duplicateAt(long firehoseAgain) {
    return new PlannedEvent(
        type,
        message,
        recipient,
        arrival,
        firehoseAgain,
        order,
        detailSeed,
        true,
        late,
        edge,
        variant);
  }

  static int compareByFirehose(PlannedEvent a, PlannedEvent b) {
    int c = Long.compare(a.firehose, b.firehose);
    if (c != 0) {
      return c;
    }
    c = Long.compare(a.order, b.order);
    return c != 0 ? c : Boolean.compare(a.duplicate, b.duplicate);
  }
}
