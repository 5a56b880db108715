package io.reengage.job.generate;

import java.util.SplittableRandom;

/**
 * Writes one event as an SES event-publishing record, shaped like the examples of the SES developer
 * guide ("Examples of event data that Amazon SES publishes to Firehose",
 * docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-firehose-examples.html): {@code
 * eventType}, the message's {@code mail} object with {@code headers}, {@code commonHeaders} and
 * {@code tags}, and the object named for the event type with its own ISO-8601 {@code timestamp}.
 * Real records put {@code mail} before or after the event object; a quarter of these put it after,
 * chosen by a hash of the event, as a reader must not rely on order. Edge-case messages with
 * reordered fields also move {@code eventType} to the end.
 *
 * <p>Pinpoint types map to SES's: a soft bounce is a transient {@code Bounce} or a {@code
 * DeliveryDelay}; an unsubscribe is a {@code Subscription} event (SES's list management). Every
 * byte follows from the planned event, so a duplicate is byte-identical to its original.
 */
final class SesRecordEncoder {

  private static final byte[] EVENT_TYPE = b("{\"eventType\":\"");
  private static final byte[] EVENT_TYPE_LAST = b(",\"eventType\":\"");
  private static final byte[] MAIL = b("\"mail\":{\"timestamp\":");
  private static final byte[] SOURCE = b(",\"source\":\"");
  private static final byte[] SOURCE_ARN = b("\",\"sourceArn\":\"arn:aws:ses:");
  private static final byte[] ARN_ACCOUNT = b(":111122223333:identity/");
  private static final byte[] ACCOUNT =
      b("\",\"sendingAccountId\":\"111122223333\",\"messageId\":\"");
  private static final byte[] DESTINATION = b(",\"destination\":");
  private static final byte[] HEADERS =
      b(",\"headersTruncated\":false,\"headers\":[{\"name\":\"From\",\"value\":\"");
  private static final byte[] H_TO = b("\"},{\"name\":\"To\",\"value\":\"");
  private static final byte[] H_SUBJECT = b("\"},{\"name\":\"Subject\",\"value\":\"");
  private static final byte[] H_REST =
      b(
          "\"},{\"name\":\"MIME-Version\",\"value\":\"1.0\"},"
              + "{\"name\":\"Content-Type\",\"value\":\"text/html; charset=UTF-8\"},"
              + "{\"name\":\"Content-Transfer-Encoding\",\"value\":\"7bit\"},"
              + "{\"name\":\"X-SES-CONFIGURATION-SET\",\"value\":\"reengage-events\"}],"
              + "\"commonHeaders\":{\"from\":[\"");
  private static final byte[] CH_TO = b("\"],\"to\":");
  private static final byte[] CH_ID = b(",\"messageId\":\"");
  private static final byte[] CH_SUBJECT = b("\",\"subject\":\"");
  private static final byte[] TAGS =
      b(
          "\"},\"tags\":{\"ses:configuration-set\":[\"reengage-events\"],"
              + "\"ses:source-ip\":[\"192.0.2.10\"],\"ses:from-domain\":[\"");
  private static final byte[] TAG_CALLER = b("\"],\"ses:caller-identity\":[\"reengage-sender\"]");
  private static final byte[] TAG_OUTGOING = b(",\"ses:outgoing-ip\":[\"198.51.100.");
  private static final byte[] TAG_SOURCE = b(",\"source\":[\"");
  private static final byte[] TAG_SOURCE_END = b("\"]");
  private static final byte[] MAIL_END = b("}}");

  private static final byte[] SEND = b("\"send\":{}");
  private static final byte[] DELIVERY = b("\"delivery\":{");
  private static final byte[] TIMESTAMP = b("\"timestamp\":");
  private static final byte[] PROCESSING = b(",\"processingTimeMillis\":");
  private static final byte[] RECIPIENTS = b(",\"recipients\":");
  private static final byte[] SMTP = b(",\"smtpResponse\":\"250 2.0.0 OK  ");
  private static final byte[] MTA = b(" - gsmtp\",\"reportingMTA\":\"a8-");
  private static final byte[] MTA_HOST = b(".smtp-out.");
  private static final byte[] MTA_END = b(".amazonses.com\"}");
  private static final byte[] OPEN = b("\"open\":{\"ipAddress\":\"");
  private static final byte[] CLICK = b("\"click\":{\"ipAddress\":\"");
  private static final byte[] USER_AGENT = b(",\"userAgent\":\"");
  private static final byte[] BOT_LIKELY = b(",\"isBotEvent\":\"Likely\"");
  private static final byte[] LINK = b("\",\"link\":\"");
  private static final byte[] LINK_TAGS = b("\",\"linkTags\":{\"linkName\":[\"cta-");
  private static final byte[] LINK_TAGS_END = b("\"]}");
  private static final byte[] PROXY_USER_AGENT = b("Mozilla/5.0");
  private static final byte[] BOUNCE_PERMANENT =
      b(
          "\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
              + "\"bouncedRecipients\":[{\"emailAddress\":");
  private static final byte[] BOUNCE_PERMANENT_DSN =
      b(
          ",\"action\":\"failed\",\"status\":\"5.1.1\","
              + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"timestamp\":");
  private static final byte[] BOUNCE_TRANSIENT =
      b(
          "\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\","
              + "\"bouncedRecipients\":[{\"emailAddress\":");
  private static final byte[] BOUNCE_TRANSIENT_DSN =
      b(
          ",\"action\":\"failed\",\"status\":\"4.2.2\","
              + "\"diagnosticCode\":\"smtp; 452 4.2.2 mailbox full\"}],\"timestamp\":");
  private static final byte[] FEEDBACK_ID = b(",\"feedbackId\":\"");
  private static final byte[] BOUNCE_MTA = b("\",\"reportingMTA\":\"dsn; a8-");
  private static final byte[] DELAY = b("\"deliveryDelay\":{\"timestamp\":");
  private static final byte[] DELAY_REST = b(",\"delayType\":\"MailboxFull\",\"expirationTime\":");
  private static final byte[] DELAY_RECIPIENTS = b(",\"delayedRecipients\":[{\"emailAddress\":");
  private static final byte[] DELAY_END =
      b(",\"status\":\"4.2.2\",\"diagnosticCode\":\"smtp; 452 4.2.2 mailbox full\"}]}");
  private static final byte[] COMPLAINT =
      b("\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":");
  private static final byte[] COMPLAINT_REST = b("}],\"timestamp\":");
  private static final byte[] COMPLAINT_END =
      b(
          "\",\"userAgent\":\"Example-Mail-Feedback/2.0\","
              + "\"complaintFeedbackType\":\"abuse\",\"arrivalDate\":");
  private static final byte[] REJECT = b("\"reject\":{\"reason\":\"Bad content\"}");
  private static final byte[] FAILURE =
      b(
          "\"failure\":{\"errorMessage\":\"Attribute 'first_name' is not present in the "
              + "rendering data.\",\"templateName\":\"template-");
  private static final byte[] SUBSCRIPTION =
      b("\"subscription\":{\"contactList\":\"newsletter\",\"timestamp\":");
  private static final byte[] SUBSCRIPTION_REST =
      b(
          ",\"source\":\"UnsubscribeHeader\",\"newTopicPreferences\":{\"unsubscribeAll\":true,"
              + "\"topicSubscriptionStatus\":[{\"topicName\":\"news\",\"subscriptionStatus\":\"OptOut\"}]},"
              + "\"oldTopicPreferences\":{\"unsubscribeAll\":false,"
              + "\"topicSubscriptionStatus\":[{\"topicName\":\"news\",\"subscriptionStatus\":\"OptIn\"}]}}");
  private static final byte[] NULL = b("null");
  private static final byte[][] FROM_DOMAIN = {
    b("mail.example.com"), b("mail.example.com"), b("shop.example.com")
  };
  private static final byte[][] SOURCE_TAG = {b("campaign"), b("journey"), b("transactional")};

  private final RecordEncoder pinpoint;
  private final MachineOpens machineOpens;
  private final byte[] region;

  SesRecordEncoder(long seed, RecordEncoder pinpoint, MachineOpens machineOpens) {
    this.pinpoint = pinpoint;
    this.machineOpens = machineOpens;
    long appId = Seeds.mix(seed, Seeds.PROJECT, 0);
    this.region =
        b(RecordEncoder.REGIONS[(int) Math.floorMod(appId, RecordEncoder.REGIONS.length)]);
  }

  /** A rough record size, for Firehose's size-based buffering. */
  static int estimateSize(PlannedEvent e) {
    return 1500 + 130 * e.message.destination.length;
  }

  /** The {@code eventType} an event is written with. */
  static String eventType(PlannedEvent e) {
    return switch (e.type) {
      case SEND -> "Send";
      case DELIVERED -> "Delivery";
      case OPEN -> "Open";
      case CLICK -> "Click";
      case HARDBOUNCE -> "Bounce";
      case SOFTBOUNCE -> delayed(e) ? "DeliveryDelay" : "Bounce";
      case COMPLAINT -> "Complaint";
      case REJECTED -> "Reject";
      case UNSUBSCRIBE -> "Subscription";
      case RENDERING_FAILURE -> "Rendering Failure";
    };
  }

  /** Half of the soft bounces are reported as a delay rather than a transient bounce. */
  private static boolean delayed(PlannedEvent e) {
    return (Seeds.fmix(e.detailSeed + 7) & 1) == 0;
  }

  private static boolean mailLast(PlannedEvent e) {
    return e.message.reorderedFields || Math.floorMod(Seeds.fmix(e.detailSeed + 3), 4) == 0;
  }

  void encode(PlannedEvent e, ByteSink out) {
    SplittableRandom detail = new SplittableRandom(e.detailSeed);
    byte[] type = b(eventType(e));
    boolean typeLast = e.message.reorderedFields;
    if (typeLast) {
      out.raw((byte) '{');
    } else {
      out.raw(EVENT_TYPE).raw(type).raw((byte) '"').raw((byte) ',');
    }
    if (mailLast(e)) {
      writeEventObject(e, detail, out);
      out.raw((byte) ',');
      writeMail(e, out);
    } else {
      writeMail(e, out);
      out.raw((byte) ',');
      writeEventObject(e, detail, out);
    }
    if (typeLast) {
      out.raw(EVENT_TYPE_LAST).raw(type).raw((byte) '"');
    }
    out.raw((byte) '}');
  }

  private void writeMail(PlannedEvent e, ByteSink out) {
    Message m = e.message;
    int sender = m.source.ordinal();
    out.raw(MAIL);
    IsoTimes.write(m.sendTs, IsoTimes.Form.MILLIS, out);
    out.raw(SOURCE)
        .raw(RecordEncoder.SENDER_ADDRESS[sender])
        .raw(SOURCE_ARN)
        .raw(region)
        .raw(ARN_ACCOUNT)
        .raw(FROM_DOMAIN[sender])
        .raw(ACCOUNT);
    RecordEncoder.writeMessageId(m, out);
    out.raw((byte) '"');
    if (m.destinationForm != Message.DestinationForm.MISSING) {
      out.raw(DESTINATION);
      RecordEncoder.writeDestination(m, out);
    }
    out.raw(HEADERS).raw(RecordEncoder.SENDER_ADDRESS[sender]).raw(H_TO);
    RecordEncoder.writeJoinedRecipients(m, out);
    out.raw(H_SUBJECT);
    RecordEncoder.writeSubject(m, out);
    out.raw(H_REST).raw(RecordEncoder.SENDER_ADDRESS[sender]).raw(CH_TO);
    RecordEncoder.writeDestinationStrings(m, out);
    out.raw(CH_ID);
    RecordEncoder.writeMessageId(m, out);
    out.raw(CH_SUBJECT);
    RecordEncoder.writeSubject(m, out);
    out.raw(TAGS).raw(FROM_DOMAIN[sender]).raw(TAG_CALLER);
    if (e.type == EventType.DELIVERED) {
      out.raw(TAG_OUTGOING).number(1 + Math.floorMod(Seeds.fmix(m.seed), 254)).raw(TAG_SOURCE_END);
    }
    out.raw(TAG_SOURCE).raw(SOURCE_TAG[sender]).raw(TAG_SOURCE_END).raw(MAIL_END);
  }

  private IsoTimes.Form timeForm(PlannedEvent e) {
    return e.variant == null ? IsoTimes.Form.MILLIS : e.variant.time();
  }

  /** {@code "timestamp":"..."}, or nothing when the variant leaves it out. */
  private boolean writeTime(PlannedEvent e, ByteSink out) {
    IsoTimes.Form form = timeForm(e);
    if (form == IsoTimes.Form.MISSING) {
      return false;
    }
    out.raw(TIMESTAMP);
    if (form == IsoTimes.Form.NULL) {
      out.raw(NULL);
    } else {
      IsoTimes.write(e.arrival, form, out);
    }
    return true;
  }

  /** {@code ,"timestamp":...} unless the variant leaves the time out. */
  private void commaTime(PlannedEvent e, ByteSink out) {
    if (timeForm(e) != IsoTimes.Form.MISSING) {
      out.raw((byte) ',');
      writeTime(e, out);
    }
  }

  private void writeEventObject(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    Message m = e.message;
    switch (e.type) {
      case SEND -> out.raw(SEND);
      case DELIVERED -> {
        out.raw(DELIVERY);
        if (writeTime(e, out)) {
          out.raw((byte) ',');
        }
        // processingTimeMillis first after the time, as in the guide's example; the comma above
        // keeps the object valid with or without a time.
        out.raw(PROCESSING, 1, PROCESSING.length - 1).number(Math.max(0, e.arrival - m.sendTs));
        writeRecipients(e, out);
        out.raw(SMTP).number(e.arrival / 1000).raw((byte) ' ');
        RecordEncoder.token(detail, out);
        out.raw(MTA).number(1 + detail.nextInt(250)).raw(MTA_HOST).raw(region).raw(MTA_END);
      }
      case OPEN -> writeOpen(e, detail, out);
      case CLICK -> {
        out.raw(CLICK);
        RecordEncoder.ipAddress(detail, out);
        int link = RecordEncoder.linkIndex(e);
        out.raw(LINK)
            .raw(RecordEncoder.LINKS_ESCAPED[link])
            .raw(LINK_TAGS)
            .number(link)
            .raw(LINK_TAGS_END);
        commaTime(e, out);
        out.raw(USER_AGENT).raw(userAgent(detail)).raw((byte) '"').raw((byte) '}');
      }
      case UNSUBSCRIBE -> {
        out.raw(SUBSCRIPTION);
        IsoTimes.write(e.arrival, IsoTimes.Form.MILLIS, out);
        out.raw(SUBSCRIPTION_REST);
      }
      case HARDBOUNCE -> bounce(e, BOUNCE_PERMANENT, BOUNCE_PERMANENT_DSN, detail, out);
      case SOFTBOUNCE -> {
        if (delayed(e)) {
          out.raw(DELAY);
          IsoTimes.write(e.arrival, IsoTimes.Form.MILLIS, out);
          out.raw(DELAY_REST);
          IsoTimes.write(e.arrival + 12 * DayPlanner.HOUR, IsoTimes.Form.MILLIS, out);
          out.raw(DELAY_RECIPIENTS);
          RecordEncoder.writeRecipient(m, e.recipient, out);
          out.raw(DELAY_END);
        } else {
          bounce(e, BOUNCE_TRANSIENT, BOUNCE_TRANSIENT_DSN, detail, out);
        }
      }
      case COMPLAINT -> {
        out.raw(COMPLAINT);
        RecordEncoder.writeRecipient(m, e.recipient, out);
        out.raw(COMPLAINT_REST);
        IsoTimes.write(e.arrival, IsoTimes.Form.MILLIS, out);
        out.raw(FEEDBACK_ID);
        pinpoint.feedbackId(e, out);
        out.raw(COMPLAINT_END);
        IsoTimes.write(e.arrival - DayPlanner.MINUTE, IsoTimes.Form.MILLIS, out);
        out.raw((byte) '}');
      }
      case REJECTED -> out.raw(REJECT);
      case RENDERING_FAILURE -> out.raw(FAILURE).number(m.subject).raw((byte) '"').raw((byte) '}');
    }
  }

  private void writeOpen(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    MachineOpenKind machine = machineOpens.kind(e);
    out.raw(OPEN);
    if (machine == null || machine == MachineOpenKind.BOT_FLAG) {
      RecordEncoder.ipAddress(detail, out);
    } else {
      pinpoint.machineOpenAddress(e, machine, detail, out);
    }
    out.raw((byte) '"');
    commaTime(e, out);
    out.raw(USER_AGENT);
    if (machine == null || machine == MachineOpenKind.BOT_FLAG) {
      out.raw(userAgent(detail));
    } else {
      out.raw(PROXY_USER_AGENT);
    }
    out.raw((byte) '"');
    if (machine == MachineOpenKind.BOT_FLAG) {
      out.raw(BOT_LIKELY);
    }
    out.raw((byte) '}');
  }

  private static byte[] userAgent(SplittableRandom detail) {
    return RecordEncoder.USER_AGENTS_ESCAPED[
        detail.nextInt(RecordEncoder.USER_AGENTS_ESCAPED.length)];
  }

  private void bounce(
      PlannedEvent e, byte[] head, byte[] dsn, SplittableRandom detail, ByteSink out) {
    out.raw(head);
    RecordEncoder.writeRecipient(e.message, e.recipient, out);
    out.raw(dsn);
    IsoTimes.write(e.arrival, IsoTimes.Form.MILLIS, out);
    out.raw(FEEDBACK_ID);
    pinpoint.feedbackId(e, out);
    out.raw(BOUNCE_MTA).number(1 + detail.nextInt(250)).raw(MTA_HOST).raw(region).raw(MTA_END);
  }

  /** {@code ,"recipients":...} as the event's variant says (nothing for a missing key). */
  private static void writeRecipients(PlannedEvent e, ByteSink out) {
    Message m = e.message;
    RecordVariant.RecipientsForm form =
        e.variant != null
            ? e.variant.recipientsForm()
            : e.edge
                ? RecordVariant.RecipientsForm.WHOLE_DESTINATION
                : RecordVariant.RecipientsForm.ONE;
    switch (form) {
      case MISSING -> {}
      case JSON_NULL -> out.raw(RECIPIENTS).raw(NULL);
      case WHOLE_DESTINATION -> {
        // Mirrors the destination's own form, so an edge case means what its Pinpoint twin means.
        if (m.destinationForm == Message.DestinationForm.MISSING) {
          return;
        }
        out.raw(RECIPIENTS);
        RecordEncoder.writeDestination(m, out);
      }
      case SUBSET -> {
        out.raw(RECIPIENTS).raw((byte) '[');
        int[] indexes = e.variant.recipients();
        for (int i = 0; i < indexes.length; i++) {
          if (i > 0) {
            out.raw((byte) ',');
          }
          RecordEncoder.writeRecipient(m, indexes[i], out);
        }
        out.raw((byte) ']');
      }
      case ONE -> {
        out.raw(RECIPIENTS).raw((byte) '[');
        RecordEncoder.writeRecipient(m, e.recipient, out);
        out.raw((byte) ']');
      }
    }
  }

  private static byte[] b(String s) {
    return ByteSink.ascii(s);
  }
}
