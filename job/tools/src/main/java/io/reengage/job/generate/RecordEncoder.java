package io.reengage.job.generate;

import java.util.SplittableRandom;

/**
 * Writes one Pinpoint email event as JSON, shaped like the records Pinpoint streams (the fields and
 * example record of the Amazon Pinpoint Developer Guide, event-streams-data-email.html): the
 * top-level fields, the message's {@code mail} object with headers and common headers, and the one
 * object named for the event type. About 1.3 KB a record. Every byte follows from the planned
 * event, so a duplicate is byte-identical to its original.
 *
 * <p>Names in the per-type objects follow Pinpoint's snake_case. Pinpoint does not document the
 * object of a rendering failure; {@code failure{template_name, error_message}} mirrors SES's.
 * Network addresses come from the documentation ranges (RFC 5737) and mail domains from the
 * reserved example domains.
 */
final class RecordEncoder {

  private static final String[] CAMPAIGN_SUBJECT_TEXT = {
    "Spring sale: 20% off this weekend",
    "Your monthly newsletter",
    "New arrivals picked for you",
    "Your cart items are almost gone",
    "Members only: early access",
    "Get more out of your account",
    "Our clearance of the season",
    "A small thank-you gift inside",
    "Faster checkout is here",
    "Stories from our community",
    "Free shipping until Sunday",
    "Save the date: our annual event"
  };
  private static final String[] JOURNEY_SUBJECT_TEXT = {
    "Welcome aboard: here is how to get started",
    "We miss you: here is 10% off your next order",
    "Complete your profile to get tailored offers"
  };
  private static final String[] TRANSACTIONAL_SUBJECT_TEXT = {
    "Your order #%d has shipped",
    "Receipt for your order #%d",
    "Reset your password (request %d)",
    "Your appointment #%d is confirmed"
  };
  static final int CAMPAIGN_SUBJECTS = CAMPAIGN_SUBJECT_TEXT.length;
  static final int TRANSACTIONAL_SUBJECTS = TRANSACTIONAL_SUBJECT_TEXT.length;

  private static final byte[][] CAMPAIGN_SUBJECTS_ESCAPED = escapeAll(CAMPAIGN_SUBJECT_TEXT);
  private static final byte[][] JOURNEY_SUBJECTS_ESCAPED = escapeAll(JOURNEY_SUBJECT_TEXT);

  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17531; Pro)",
    "Mozilla/5.0 (iPad; CPU OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
  };
  static final byte[][] USER_AGENTS_ESCAPED = escapeAll(USER_AGENTS);
  static final String[] LINKS = {
    "https://www.example.com/offers/spring?utm_source=pinpoint&utm_medium=email",
    "https://www.example.com/new-arrivals?utm_source=pinpoint&utm_medium=email",
    "https://shop.example.com/cart?utm_source=pinpoint&utm_medium=email",
    "https://www.example.com/account/profile?utm_source=pinpoint&utm_medium=email",
    "https://blog.example.com/stories/community?utm_source=pinpoint&utm_medium=email"
  };
  static final byte[][] LINKS_ESCAPED = escapeAll(LINKS);
  static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1"};
  private static final byte[] NETWORKS_PREFIX = b("192.0.2.,198.51.100.,203.0.113.");

  private static final byte[] EVENT_TYPE = b("{\"event_type\":\"");
  private static final byte[] EVENT_TS = b("\",\"event_timestamp\":");
  private static final byte[] ARRIVAL_TS = b(",\"arrival_timestamp\":");
  private static final byte[] VERSION_APP =
      b(",\"event_version\":\"3.1\",\"application\":{\"app_id\":\"");
  private static final byte[] SDK_CLIENT = b("\",\"sdk\":{}},\"client\":{\"client_id\":\"");
  private static final byte[] DEVICE_SESSION_ATTRS =
      b("\"},\"device\":{\"platform\":{}},\"session\":{},\"attributes\":{");
  private static final byte[] ACCOUNT = b("},\"awsAccountId\":\"");
  private static final byte[] FACETS =
      b("\",\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"message_id\":\"");
  private static final byte[] SEND_TS = b("\",\"message_send_timestamp\":");
  private static final byte[] FROM_ADDRESS = b(",\"from_address\":\"");
  private static final byte[] DESTINATION = b(",\"destination\":");
  private static final byte[] HEADERS =
      b(",\"headers_truncated\":false,\"headers\":[{\"name\":\"From\",\"value\":\"");
  private static final byte[] H_TO = b("\"},{\"name\":\"To\",\"value\":\"");
  private static final byte[] H_SUBJECT = b("\"},{\"name\":\"Subject\",\"value\":\"");
  private static final byte[] H_REST =
      b(
          "\"},{\"name\":\"MIME-Version\",\"value\":\"1.0\"},"
              + "{\"name\":\"Content-Type\",\"value\":\"text/html; charset=UTF-8\"},"
              + "{\"name\":\"Content-Transfer-Encoding\",\"value\":\"7bit\"}],\"common_headers\":{\"from\":\"");
  private static final byte[] CH_TO = b("\",\"to\":");
  private static final byte[] CH_SUBJECT = b(",\"subject\":\"");
  private static final byte[] MAIL_END = b("\"}},");
  private static final byte[] FACETS_END = b("}}}");
  private static final byte[] ACCOUNT_ID = b("111122223333");
  private static final byte[] FEEDBACK = b("\"feedback\":\"");
  private static final byte[] CAMPAIGN_ATTRS = b("\"campaign_activity_id\":\"");
  private static final byte[] CAMPAIGN_ID = b("\",\"campaign_id\":\"");
  private static final byte[] TREATMENT = b("\",\"treatment_id\":\"0\",");
  private static final byte[] JOURNEY_RUN = b("\"journey_run_id\":\"");
  private static final byte[] JOURNEY_ACTIVITY = b("\",\"journey_activity_id\":\"");
  private static final byte[] JOURNEY_ID = b("\",\"journey_id\":\"");
  private static final byte[] QUOTE_COMMA = b("\",");

  static final byte[][] SENDER_ADDRESS = {
    b("news@mail.example.com"), b("hello@mail.example.com"), b("orders@shop.example.com")
  };

  private static final byte[] SEND_OBJECT = b("\"send\":{}");
  private static final byte[] DELIVERY = b("\"delivery\":{\"smtp_response\":\"250 2.0.0 OK  ");
  private static final byte[] DELIVERY_MTA = b(" - gsmtp\",\"reporting_mta\":\"a8-");
  private static final byte[] DELIVERY_MTA_HOST = b(".smtp-out.");
  private static final byte[] DELIVERY_RECIPIENTS = b(".amazonses.com\",\"recipients\":[");
  private static final byte[] DELIVERY_PROCESSING = b("],\"processing_time_millis\":");
  private static final byte[] OPEN = b("\"open\":{\"ip_address\":\"");
  private static final byte[] CLICK = b("\"click\":{\"ip_address\":\"");
  private static final byte[] USER_AGENT = b("\",\"user_agent\":\"");
  private static final byte[] LINK = b("\",\"link\":\"");
  private static final byte[] LINK_TAGS = b("\",\"link_tags\":{\"linkName\":[\"cta-");
  private static final byte[] UNSUBSCRIBE_LINK =
      b("\",\"link\":\"https://www.example.com/unsubscribe?e=");
  private static final byte[] UNSUBSCRIBE_TAGS =
      b("\",\"link_tags\":{\"unsubscribeLinkTag\":[\"optout\"]}}");
  private static final byte[] BOUNCE_HARD =
      b(
          "\"bounce\":{\"bounce_type\":\"Permanent\",\"bounce_sub_type\":\"General\","
              + "\"bounced_recipients\":[{\"email_address\":");
  private static final byte[] BOUNCE_HARD_DSN =
      b(
          ",\"action\":\"failed\",\"status\":\"5.1.1\","
              + "\"diagnostic_code\":\"smtp; 550 5.1.1 user unknown\"}],\"feedback_id\":\"");
  private static final byte[] BOUNCE_SOFT =
      b(
          "\"bounce\":{\"bounce_type\":\"Transient\",\"bounce_sub_type\":\"MailboxFull\","
              + "\"bounced_recipients\":[{\"email_address\":");
  private static final byte[] BOUNCE_SOFT_DSN =
      b(
          ",\"action\":\"failed\",\"status\":\"4.2.2\","
              + "\"diagnostic_code\":\"smtp; 452 4.2.2 mailbox full\"}],\"feedback_id\":\"");
  private static final byte[] BOUNCE_MTA = b("\",\"reporting_mta\":\"dns; a8-");
  private static final byte[] BOUNCE_END = b(".amazonses.com\"}");
  private static final byte[] COMPLAINT =
      b("\"complaint\":{\"complained_recipients\":[{\"email_address\":");
  private static final byte[] COMPLAINT_REST = b("}],\"feedback_id\":\"");
  private static final byte[] COMPLAINT_END =
      b(
          "\",\"user_agent\":\"Example-Mail-Feedback/2.0\","
              + "\"complaint_feedback_type\":\"abuse\"}");
  private static final byte[] REJECT = b("\"reject\":{\"reason\":\"Bad content\"}");
  private static final byte[] FAILURE = b("\"failure\":{\"template_name\":\"template-");
  private static final byte[] FAILURE_END =
      b(
          "\",\"error_message\":\"Attribute 'first_name' is not present in the "
              + "rendering data.\"}");
  private static final byte[] NULL = b("null");
  private static final byte[] EMPTY_STRING = b("\"\"");
  private static final byte[] CLOSE_OBJECT = b("}");

  private static final byte[] LINK_TAGS_END = b("\"]}}");
  private static final byte[] ID_PREFIX = b("0100");
  private static final byte[] ID_SUFFIX = b("-000000");
  private static final byte[] FEEDBACK_ID_MIDDLE = b("-0000-0000-0000-");
  private static final byte[] TOKEN_SI = b("si");
  private static final byte[] REORDERED_ARRIVAL = b(",\"arrival_timestamp\":");
  private static final byte[] REORDERED_EVENT_TS = b("\",\"event_timestamp\":");
  private static final byte[] REORDERED_EVENT_TYPE = b(",\"event_type\":\"");
  private static final byte[] REORDERED_END = b("\"}");

  private static final byte[] PROXY_USER_AGENT = b("Mozilla/5.0");
  private static final byte[] OUTSIDE_LIST_NETWORK = b("203.0.113.");

  private final long seed;
  private final long appId;
  private final byte[] region;
  private final MachineOpens machineOpens;

  RecordEncoder(long seed, MachineOpens machineOpens) {
    this.seed = seed;
    this.machineOpens = machineOpens;
    this.appId = Seeds.mix(seed, Seeds.PROJECT, 0);
    this.region = b(REGIONS[(int) Math.floorMod(appId, REGIONS.length)]);
  }

  /** A rough record size, for Firehose's size-based buffering. */
  static int estimateSize(PlannedEvent e) {
    if (e.message.ses) {
      return SesRecordEncoder.estimateSize(e);
    }
    return 1150 + 90 * e.message.destination.length;
  }

  void encode(PlannedEvent e, ByteSink out) {
    Message m = e.message;
    SplittableRandom detail = new SplittableRandom(e.detailSeed);
    if (m.reorderedFields) {
      encodeReordered(e, detail, out);
      return;
    }
    out.raw(EVENT_TYPE)
        .raw(e.type.wireNameBytes())
        .raw(EVENT_TS)
        .number(m.sendTs)
        .raw(ARRIVAL_TS)
        .number(e.arrival);
    writeApplicationToAttributes(e, out);
    out.raw(ACCOUNT).raw(ACCOUNT_ID);
    writeFacets(e, detail, out);
    out.raw(CLOSE_OBJECT);
  }

  /** The same content with the fields in another order, as a reader must not rely on order. */
  private void encodeReordered(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    out.raw((byte) '{');
    out.raw(FACETS, 2, FACETS.length - 2);
    writeFacetsBody(e, detail, out);
    out.raw(REORDERED_ARRIVAL).number(e.arrival);
    writeApplicationToAttributes(e, out);
    out.raw(ACCOUNT)
        .raw(ACCOUNT_ID)
        .raw(REORDERED_EVENT_TS)
        .number(e.message.sendTs)
        .raw(REORDERED_EVENT_TYPE)
        .raw(e.type.wireNameBytes())
        .raw(REORDERED_END);
  }

  private void writeApplicationToAttributes(PlannedEvent e, ByteSink out) {
    Message m = e.message;
    out.raw(VERSION_APP).hex(appId, 16).hex(Seeds.fmix(appId), 16).raw(SDK_CLIENT);
    writeEndpointId(m, Math.max(0, e.recipient), out);
    out.raw(DEVICE_SESSION_ATTRS);
    switch (m.source) {
      case CAMPAIGN ->
          out.raw(CAMPAIGN_ATTRS)
              .hex(Seeds.fmix(m.sourceKey), 16)
              .hex(m.sourceKey, 16)
              .raw(CAMPAIGN_ID)
              .hex(m.sourceKey, 16)
              .hex(Seeds.fmix(m.sourceKey + 1), 16)
              .raw(TREATMENT);
      case JOURNEY ->
          out.raw(JOURNEY_RUN)
              .hex(Seeds.fmix(m.sourceKey + m.sendTs / DayPlanner.DAY), 16)
              .hex(m.sourceKey, 16)
              .raw(JOURNEY_ACTIVITY)
              .hex(Seeds.fmix(m.sourceKey + 2), 10)
              .raw(JOURNEY_ID)
              .hex(m.sourceKey, 16)
              .hex(Seeds.fmix(m.sourceKey + 3), 16)
              .raw(QUOTE_COMMA);
      case TRANSACTIONAL -> {}
    }
    out.raw(FEEDBACK);
    if (e.type == EventType.CLICK) {
      out.raw(LINKS_ESCAPED[linkIndex(e)]);
    } else {
      out.raw(e.type.feedbackBytes());
    }
    out.raw((byte) '"');
  }

  private void writeFacets(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    out.raw(FACETS);
    writeFacetsBody(e, detail, out);
  }

  /** Everything after the opening of {@code message_id}'s value up to the end of {@code facets}. */
  private void writeFacetsBody(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    Message m = e.message;
    int sender = m.source.ordinal();
    writeMessageId(m, out);
    out.raw(SEND_TS).number(m.sendTs).raw(FROM_ADDRESS).raw(SENDER_ADDRESS[sender]).raw((byte) '"');
    if (m.destinationForm != Message.DestinationForm.MISSING) {
      out.raw(DESTINATION);
      writeDestination(m, out);
    }
    out.raw(HEADERS);
    out.raw(SENDER_ADDRESS[sender]).raw(H_TO);
    writeJoinedRecipients(m, out);
    out.raw(H_SUBJECT);
    writeSubject(m, out);
    out.raw(H_REST).raw(SENDER_ADDRESS[sender]).raw(CH_TO);
    writeDestinationStrings(m, out);
    out.raw(CH_SUBJECT);
    writeSubject(m, out);
    out.raw(MAIL_END);
    writeTypeObject(e, detail, out);
    out.raw(FACETS_END);
  }

  private void writeTypeObject(PlannedEvent e, SplittableRandom detail, ByteSink out) {
    Message m = e.message;
    switch (e.type) {
      case SEND -> out.raw(SEND_OBJECT);
      case DELIVERED -> {
        out.raw(DELIVERY).number(e.arrival / 1000).raw((byte) ' ');
        token(detail, out);
        out.raw(DELIVERY_MTA)
            .number(1 + detail.nextInt(250))
            .raw(DELIVERY_MTA_HOST)
            .raw(region)
            .raw(DELIVERY_RECIPIENTS);
        writeRecipient(m, e.recipient, out);
        out.raw(DELIVERY_PROCESSING).number(e.arrival - m.sendTs).raw(CLOSE_OBJECT);
      }
      case OPEN -> {
        out.raw(OPEN);
        MachineOpenKind machine = machineOpens.kind(e);
        if (machine != null) {
          machineOpenAddress(e, machine, detail, out);
          out.raw(USER_AGENT).raw(PROXY_USER_AGENT).raw((byte) '"').raw(CLOSE_OBJECT);
          return;
        }
        ipAddress(detail, out);
        out.raw(USER_AGENT)
            .raw(USER_AGENTS_ESCAPED[detail.nextInt(USER_AGENTS_ESCAPED.length)])
            .raw((byte) '"')
            .raw(CLOSE_OBJECT);
      }
      case CLICK -> {
        out.raw(CLICK);
        ipAddress(detail, out);
        out.raw(USER_AGENT)
            .raw(USER_AGENTS_ESCAPED[detail.nextInt(USER_AGENTS_ESCAPED.length)])
            .raw(LINK)
            .raw(LINKS_ESCAPED[linkIndex(e)])
            .raw(LINK_TAGS)
            .number(linkIndex(e))
            .raw(LINK_TAGS_END);
      }
      case UNSUBSCRIBE -> {
        out.raw(CLICK);
        ipAddress(detail, out);
        out.raw(USER_AGENT)
            .raw(USER_AGENTS_ESCAPED[detail.nextInt(USER_AGENTS_ESCAPED.length)])
            .raw(UNSUBSCRIBE_LINK);
        writeEndpointId(m, Math.max(0, e.recipient), out);
        out.raw(UNSUBSCRIBE_TAGS);
      }
      case HARDBOUNCE, SOFTBOUNCE -> {
        out.raw(e.type == EventType.HARDBOUNCE ? BOUNCE_HARD : BOUNCE_SOFT);
        writeRecipient(m, e.recipient, out);
        out.raw(e.type == EventType.HARDBOUNCE ? BOUNCE_HARD_DSN : BOUNCE_SOFT_DSN);
        feedbackId(e, out);
        out.raw(BOUNCE_MTA)
            .number(1 + detail.nextInt(250))
            .raw(DELIVERY_MTA_HOST)
            .raw(region)
            .raw(BOUNCE_END);
      }
      case COMPLAINT -> {
        out.raw(COMPLAINT);
        writeRecipient(m, e.recipient, out);
        out.raw(COMPLAINT_REST);
        feedbackId(e, out);
        out.raw(COMPLAINT_END);
      }
      case REJECTED -> out.raw(REJECT);
      case RENDERING_FAILURE -> out.raw(FAILURE).number(m.subject).raw(FAILURE_END);
    }
  }

  /** Pinpoint-style message ID: 16-8-4-4-4-12-6 lower-case base-36 groups. */
  static void writeMessageId(Message m, ByteSink out) {
    long a = Seeds.fmix(m.seed);
    long b = Seeds.fmix(a);
    long c = Seeds.fmix(b);
    out.raw(ID_PREFIX);
    base36(a, 12, out);
    out.raw((byte) '-');
    base36(b, 8, out);
    out.raw((byte) '-');
    base36(b >>> 40, 4, out);
    out.raw((byte) '-');
    base36(c, 4, out);
    out.raw((byte) '-');
    base36(c >>> 24, 4, out);
    out.raw((byte) '-');
    base36(Seeds.fmix(c), 12, out);
    out.raw(ID_SUFFIX);
  }

  private static final byte[] BASE36 = b("0123456789abcdefghijklmnopqrstuvwxyz");

  private static void base36(long v, int digits, ByteSink out) {
    long x = v & Long.MAX_VALUE;
    for (int i = 0; i < digits; i++) {
      out.raw(BASE36[(int) (x % 36)]);
      x /= 36;
    }
  }

  private void writeEndpointId(Message m, int recipient, ByteSink out) {
    long key =
        m.endpointKeys.length == 0
            ? -1
            : m.endpointKeys[Math.min(recipient, m.endpointKeys.length - 1)];
    long a = Seeds.mix(seed, Seeds.ENDPOINT, key);
    out.hex(a, 16).hex(Seeds.fmix(a), 16);
  }

  static void writeDestination(Message m, ByteSink out) {
    if (m.destinationForm == Message.DestinationForm.JSON_NULL) {
      out.raw(NULL);
    } else {
      writeDestinationStrings(m, out);
    }
  }

  static void writeDestinationStrings(Message m, ByteSink out) {
    out.raw((byte) '[');
    for (int i = 0; i < m.destination.length; i++) {
      if (i > 0) {
        out.raw((byte) ',');
      }
      byte[] address = m.destination[i];
      if (address == null) {
        out.raw(NULL);
      } else {
        out.quoted(address);
      }
    }
    out.raw((byte) ']');
  }

  static void writeJoinedRecipients(Message m, ByteSink out) {
    boolean first = true;
    for (byte[] address : m.destination) {
      if (address == null) {
        continue;
      }
      if (!first) {
        out.raw((byte) ',').raw((byte) ' ');
      }
      out.raw(address);
      first = false;
    }
  }

  static void writeRecipient(Message m, int recipient, ByteSink out) {
    byte[] address =
        recipient >= 0 && recipient < m.destination.length ? m.destination[recipient] : null;
    if (address == null) {
      out.raw(EMPTY_STRING);
    } else {
      out.quoted(address);
    }
  }

  static void writeSubject(Message m, ByteSink out) {
    switch (m.source) {
      case CAMPAIGN -> out.raw(CAMPAIGN_SUBJECTS_ESCAPED[m.subject % CAMPAIGN_SUBJECTS]);
      case JOURNEY ->
          out.raw(JOURNEY_SUBJECTS_ESCAPED[m.subject % JOURNEY_SUBJECTS_ESCAPED.length]);
      case TRANSACTIONAL -> {
        String text = TRANSACTIONAL_SUBJECT_TEXT[m.subject % TRANSACTIONAL_SUBJECTS];
        int hole = text.indexOf("%d");
        out.escaped(text.substring(0, hole))
            .number(100_000 + Math.floorMod(m.seed, 900_000))
            .escaped(text.substring(hole + 2));
      }
    }
  }

  static int linkIndex(PlannedEvent e) {
    return (int) Math.floorMod(Seeds.fmix(e.detailSeed), LINKS.length);
  }

  /**
   * The IP of a machine open: in the proxy list for Apple's, from a documentation range the list
   * does not hold otherwise.
   */
  void machineOpenAddress(
      PlannedEvent e, MachineOpenKind machine, SplittableRandom detail, ByteSink out) {
    if (machine == MachineOpenKind.APPLE_PROXY) {
      machineOpens.ranges().writeAddressIn(MachineOpens.addressHash(e), out);
    } else {
      out.raw(OUTSIDE_LIST_NETWORK).number(1 + detail.nextInt(254));
    }
  }

  static void ipAddress(SplittableRandom detail, ByteSink out) {
    int network = detail.nextInt(3);
    int start = network == 0 ? 0 : network == 1 ? 9 : 21;
    int end = network == 0 ? 8 : network == 1 ? 20 : 31;
    out.raw(NETWORKS_PREFIX, start, end - start).number(1 + detail.nextInt(254));
  }

  static void token(SplittableRandom detail, ByteSink out) {
    out.raw((byte) 'c')
        .number(detail.nextInt(100))
        .raw(TOKEN_SI)
        .number(detail.nextInt(100_000_000))
        .raw((byte) 'p')
        .raw((byte) 'l')
        .raw((byte) 'o')
        .raw((byte) '.')
        .number(detail.nextInt(1000));
  }

  void feedbackId(PlannedEvent e, ByteSink out) {
    long a = Seeds.fmix(e.detailSeed ^ seed);
    out.raw(ID_PREFIX)
        .hex(a, 12)
        .raw((byte) '-')
        .hex(Seeds.fmix(a), 8)
        .raw(FEEDBACK_ID_MIDDLE)
        .hex(a >>> 16, 12)
        .raw(ID_SUFFIX);
  }

  private static byte[] b(String s) {
    return ByteSink.ascii(s);
  }

  private static byte[][] escapeAll(String[] texts) {
    byte[][] out = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      out[i] = ByteSink.escape(texts[i]);
    }
    return out;
  }
}
