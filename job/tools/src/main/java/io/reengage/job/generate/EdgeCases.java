package io.reengage.job.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events at the boundaries of SPEC.md, each scenario on its own addresses under {@code
 * edge.example.com} (a domain the address pool never uses), so each one's effect on the segment can
 * be told apart:
 *
 * <ul>
 *   <li>deliveries and opens exactly at the window starts, 1 ms and 400 ms after (same second, so
 *       excluded), 1 s after (kept), and 1 ms before;
 *   <li>the first delivery exactly at, just before and just after the engagement start (the {@code
 *       <} test on the minimum);
 *   <li>events at {@code until} and 1 ms before it, reaching Firehose within 3 ms from {@code until
 *       - 1 ms}, so they normally share an object in the folder of the hour before {@code until}:
 *       folder time cannot stand in for {@code arrival_timestamp};
 *   <li>DISTINCT duplicates: two deliveries of different messages with the same array and
 *       millisecond; an open and a click in the same millisecond; a record that Firehose writes
 *       twice;
 *   <li>the same two addresses in both orders at the same millisecond (two rows), an address twice
 *       in one array (counts twice);
 *   <li>null, empty and whitespace-only elements; null, empty and missing arrays;
 *   <li>addresses with a comma, a double quote, a line feed, a trailing space, non-ASCII letters;
 *       two addresses that differ only in case;
 *   <li>five versus six deliveries; a record with its fields in another order; an open crediting
 *       every recipient of a message; a delivery just before {@code until} that reaches Firehose
 *       five hours late, in the next day's folder.
 * </ul>
 *
 * {@link #expectedUnengaged()} states, by hand, which of these addresses the segment must return
 * and with what {@code num_delivered}, for a run with the same windows, {@code --min-delivered 6}
 * and the default {@code until}.
 */
public final class EdgeCases {

  static final String DOMAIN = "@edge.example.com";
  private static final long SECOND = DayPlanner.SECOND;
  private static final long HOUR = DayPlanner.HOUR;
  private static final long DAY = DayPlanner.DAY;

  /** Edge records reach Firehose this long after they arrive, unless a scenario says otherwise. */
  private static final long LAG = 500;

  private final GeneratorSettings settings;
  private final long seed;
  private final long deliveredStart;
  private final long engagementStart;
  private final long until;
  private final long mid;
  private final List<PlannedEvent> events = new ArrayList<>();
  private long counter;
  private int scenario;

  /** While set, messages are SES's whatever the source and switch date. */
  private boolean forceSes;

  /** While set, records take this variant instead of the one their message would give them. */
  private RecordVariant forced;

  EdgeCases(GeneratorSettings settings) {
    this.settings = settings;
    this.seed = settings.seed();
    this.deliveredStart = settings.deliveredStartMillis();
    this.engagementStart = settings.engagementStartMillis();
    this.until = settings.untilMillis();
    // Halfway between the window starts, at 10:00 UTC: safely inside the delivered window, before
    // engagement's.
    long half = deliveredStart + (engagementStart - deliveredStart) / 2;
    this.mid = Math.floorDiv(half, DAY) * DAY + 10 * HOUR;
  }

  /**
   * The addresses the segment must return, with their {@code num_delivered}, written by hand per
   * scenario.
   */
  public static Map<String, Integer> expectedUnengaged() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(a("delivered-1s-after-delivered-start"), 6);
    m.put(a("first-delivered-1ms-before-engagement-start"), 6);
    m.put(a("open-at-engagement-start"), 6);
    m.put(a("open-1ms-after-engagement-start"), 6);
    m.put(a("open-400ms-after-engagement-start"), 6);
    m.put(a("click-at-engagement-start"), 6);
    m.put(a("open-at-until"), 6);
    m.put(a("delivered-1ms-before-until"), 6);
    m.put(a("reordered-array-p"), 6);
    m.put(a("reordered-array-q"), 6);
    m.put(a("repeated-address"), 6);
    m.put(a("beside-unusable-elements"), 6);
    m.put("\"comma,inside\"" + DOMAIN, 6);
    m.put("\"quote\\\"inside\"" + DOMAIN, 6);
    m.put("line\nbreak" + DOMAIN, 6);
    m.put(a("trailing-space") + " ", 6);
    m.put("zo\u00eb.\u00f1and\u00fa" + DOMAIN, 6);
    m.put("\u7528\u6237" + DOMAIN, 6);
    m.put("Mixed.Case@Edge.Example.com", 6);
    m.put(a("six-deliveries"), 6);
    m.put(a("reordered-fields"), 6);
    m.put(a("late-delivered-before-until"), 6);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The addresses the segment must return for data generated with {@code settings} (counting
   * machine opens, as the query does): {@link #expectedUnengaged()}, and with an SES or mixed
   * source the SES-only scenarios' addresses.
   */
  public static Map<String, Integer> expectedUnengaged(GeneratorSettings settings) {
    Map<String, Integer> m = new LinkedHashMap<>(expectedUnengaged());
    if (settings.source() != EventSource.PINPOINT) {
      m.put(a("ses-recipients-subset-in"), 6);
      m.put(a("ses-null-recipients"), 6);
      m.put(a("ses-missing-recipients"), 6);
      m.put(a("ses-missing-time"), 6);
      m.put(a("ses-delivered-1s-after-delivered-start"), 6);
      m.put(a("ses-open-at-engagement-start"), 6);
      m.put(a("ses-open-1ms-after-engagement-start"), 6);
      m.put(a("ses-delivered-1ms-before-until"), 6);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The addresses the segment must return when machine opens are ignored (SPEC.md, "Machine
   * opens"), with or without the generated proxy IP list: the machine-open scenarios exist only
   * when the settings ask for machine opens.
   */
  public static Map<String, Integer> expectedUnengagedIgnoringMachineOpens(
      GeneratorSettings settings, boolean withIpList) {
    Map<String, Integer> m = new LinkedHashMap<>(expectedUnengaged(settings));
    if (settings.machineOpenShare() > 0) {
      m.put(a("apple-proxy-opens-only"), 6);
      if (!withIpList) {
        m.put(a("mozilla-open-outside-list"), 6);
      }
      if (settings.source() != EventSource.PINPOINT) {
        m.put(a("ses-bot-flag-open"), 6);
        m.put(a("ses-apple-proxy-open"), 6);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static String a(String local) {
    return local + DOMAIN;
  }

  /** Every edge-case record, duplicates included. */
  List<PlannedEvent> plan() {
    long dl = deliveredStart;
    long e = engagementStart;
    long u = until;

    next();
    mid(a("delivered-at-delivered-start"), 5);
    delivered(dl, a("delivered-at-delivered-start"));
    next();
    mid(a("delivered-1ms-after-delivered-start"), 5);
    delivered(dl + 1, a("delivered-1ms-after-delivered-start"));
    next();
    mid(a("delivered-400ms-after-delivered-start"), 5);
    delivered(dl + 400, a("delivered-400ms-after-delivered-start"));
    next();
    mid(a("delivered-1s-after-delivered-start"), 5);
    delivered(dl + 1000, a("delivered-1s-after-delivered-start"));
    next();
    mid(a("delivered-1ms-before-delivered-start"), 5);
    delivered(dl - 1, a("delivered-1ms-before-delivered-start"));

    next();
    afterEngagementStart(e, a("first-delivered-at-engagement-start"));
    next();
    afterEngagementStart(e - 1, a("first-delivered-1ms-before-engagement-start"));
    next();
    afterEngagementStart(e + 400, a("first-delivered-400ms-after-engagement-start"));

    next();
    mid(a("open-at-engagement-start"), 6);
    open(e, a("open-at-engagement-start"));
    next();
    mid(a("open-1ms-after-engagement-start"), 6);
    open(e + 1, a("open-1ms-after-engagement-start"));
    next();
    mid(a("open-400ms-after-engagement-start"), 6);
    open(e + 400, a("open-400ms-after-engagement-start"));
    next();
    mid(a("open-1s-after-engagement-start"), 6);
    open(e + 1000, a("open-1s-after-engagement-start"));
    next();
    mid(a("click-at-engagement-start"), 6);
    add(EventType.CLICK, e, LAG, message(e - DAY, false, a("click-at-engagement-start")));

    // Around until: all four reach Firehose within 3 ms from until - 1 ms, so they normally share
    // one object.
    next();
    mid(a("open-1ms-before-until"), 6);
    add(EventType.OPEN, u - 1, 0, message(u - DAY, false, a("open-1ms-before-until")));
    next();
    mid(a("delivered-1ms-before-until"), 5);
    add(
        EventType.DELIVERED,
        u - 1,
        1,
        message(u - 3 * SECOND, false, a("delivered-1ms-before-until")));
    next();
    mid(a("open-at-until"), 6);
    add(EventType.OPEN, u, 2, message(u - DAY, false, a("open-at-until")));
    next();
    mid(a("delivered-at-until"), 5);
    add(EventType.DELIVERED, u, 3, message(u - 2 * SECOND, false, a("delivered-at-until")));

    next();
    mid(a("distinct-same-array-same-ms"), 4);
    delivered(mid + DAY + HOUR, a("distinct-same-array-same-ms"));
    delivered(mid + DAY + HOUR, a("distinct-same-array-same-ms"));
    next();
    mid(a("firehose-duplicate"), 4);
    PlannedEvent once = delivered(mid + DAY + HOUR, a("firehose-duplicate"));
    events.add(once.duplicateAt(once.firehose + 2 * DayPlanner.MINUTE));
    next();
    mid(a("open-and-click-same-ms"), 6);
    Message engaged = message(e + 9 * DAY, false, a("open-and-click-same-ms"));
    add(EventType.OPEN, e + 10 * DAY, LAG, engaged);
    add(EventType.CLICK, e + 10 * DAY, LAG, engaged);

    next();
    mid(a("reordered-array-p"), 4);
    mid(a("reordered-array-q"), 4);
    delivered(mid + DAY + HOUR, a("reordered-array-p"), a("reordered-array-q"));
    delivered(mid + DAY + HOUR, a("reordered-array-q"), a("reordered-array-p"));
    next();
    mid(a("repeated-address"), 4);
    delivered(mid + DAY + HOUR, a("repeated-address"), a("repeated-address"));

    next();
    for (int i = 0; i < 6; i++) {
      delivered(mid + i * HOUR, a("beside-unusable-elements"), null, "", "   ", "\t");
    }
    for (int i = 0; i < 6; i++) {
      add(
          EventType.DELIVERED,
          mid + i * HOUR + 1,
          LAG,
          message(mid + i * HOUR - 2 * SECOND, false));
      add(
          EventType.DELIVERED,
          mid + i * HOUR + 2,
          LAG,
          special(Message.DestinationForm.JSON_NULL, mid + i * HOUR));
      add(
          EventType.DELIVERED,
          mid + i * HOUR + 3,
          LAG,
          special(Message.DestinationForm.MISSING, mid + i * HOUR));
    }
    add(EventType.OPEN, e + 10 * DAY, LAG, message(e + 9 * DAY, false, (String) null));

    next();
    for (String address :
        new String[] {
          "\"comma,inside\"" + DOMAIN,
          "\"quote\\\"inside\"" + DOMAIN,
          "line\nbreak" + DOMAIN,
          a("trailing-space") + " ",
          "zo\u00eb.\u00f1and\u00fa" + DOMAIN,
          "\u7528\u6237" + DOMAIN
        }) {
      mid(address, 6);
    }
    next();
    mid("Mixed.Case@Edge.Example.com", 6);
    mid(a("mixed.case"), 6);
    open(e + 10 * DAY, a("mixed.case"));

    next();
    mid(a("five-deliveries"), 5);
    mid(a("six-deliveries"), 6);
    next();
    for (int i = 0; i < 6; i++) {
      add(
          EventType.DELIVERED,
          mid + scenario * 7 * DayPlanner.MINUTE + i * 3 * HOUR,
          LAG,
          message(mid + i * 3 * HOUR, true, a("reordered-fields")));
    }
    next();
    for (int i = 0; i < 6; i++) {
      delivered(
          mid + scenario * 7 * DayPlanner.MINUTE + i * 3 * HOUR,
          a("shared-open-1"),
          a("shared-open-2"));
    }
    open(e + 10 * DAY, a("shared-open-1"), a("shared-open-2"));

    next();
    mid(a("late-delivered-before-until"), 5);
    add(
        EventType.DELIVERED,
        u - 2,
        5 * HOUR,
        message(u - 4 * SECOND, false, a("late-delivered-before-until")));
    if (settings.source() != EventSource.PINPOINT) {
      forceSes = true;
      planSesOnly(dl, e, u);
      forceSes = false;
    }
    if (settings.machineOpenShare() > 0) {
      planMachineOpens(e);
    }
    return events;
  }

  /**
   * Scenarios only SES records can express, on SES records whatever the switch date: a delivery's
   * recipients as a subset of the destination, null or missing; a missing or null time; and the
   * window boundaries written with offsets and other fraction digits.
   */
  private void planSesOnly(long dl, long e, long u) {
    next();
    for (int i = 0; i < 6; i++) {
      long at = mid + scenario * 7 * DayPlanner.MINUTE + i * 3 * HOUR;
      forced =
          RecordVariant.time(IsoTimes.Form.MILLIS)
              .withRecipients(RecordVariant.RecipientsForm.SUBSET, 0);
      add(
          EventType.DELIVERED,
          at,
          LAG,
          message(
              at - 2 * SECOND,
              false,
              a("ses-recipients-subset-in"),
              a("ses-recipients-subset-out")));
    }
    next();
    forced =
        RecordVariant.time(IsoTimes.Form.MILLIS)
            .withRecipients(RecordVariant.RecipientsForm.JSON_NULL);
    mid(a("ses-null-recipients"), 6);
    next();
    forced =
        RecordVariant.time(IsoTimes.Form.MILLIS)
            .withRecipients(RecordVariant.RecipientsForm.MISSING);
    mid(a("ses-missing-recipients"), 6);
    forced = null;

    next();
    mid(a("ses-missing-time"), 6);
    forced = RecordVariant.time(IsoTimes.Form.MISSING);
    delivered(mid + DAY + HOUR, a("ses-missing-time"));
    forced = null;
    next();
    mid(a("ses-null-time-five-counted"), 5);
    forced = RecordVariant.time(IsoTimes.Form.NULL);
    delivered(mid + DAY + HOUR, a("ses-null-time-five-counted"));
    forced = null;

    next();
    mid(a("ses-delivered-1s-after-delivered-start"), 5);
    forced = RecordVariant.time(IsoTimes.Form.OFFSET_WEST);
    delivered(dl + 1000, a("ses-delivered-1s-after-delivered-start"));
    forced = null;
    next();
    mid(a("ses-delivered-400ms-after-delivered-start"), 5);
    forced = RecordVariant.time(IsoTimes.Form.MICROS);
    delivered(dl + 400, a("ses-delivered-400ms-after-delivered-start"));
    forced = null;
    next();
    mid(a("ses-delivered-at-delivered-start"), 5);
    forced = RecordVariant.time(IsoTimes.Form.MINIMAL);
    delivered(dl, a("ses-delivered-at-delivered-start"));
    forced = null;

    next();
    mid(a("ses-open-at-engagement-start"), 6);
    forced = RecordVariant.time(IsoTimes.Form.OFFSET_EAST);
    open(e, a("ses-open-at-engagement-start"));
    forced = null;
    next();
    mid(a("ses-open-1ms-after-engagement-start"), 6);
    forced = RecordVariant.time(IsoTimes.Form.NANOS_TRUNCATED);
    open(e + 1, a("ses-open-1ms-after-engagement-start"));
    forced = null;
    next();
    mid(a("ses-open-1s-after-engagement-start"), 6);
    forced = RecordVariant.time(IsoTimes.Form.MINIMAL);
    open(e + 1000, a("ses-open-1s-after-engagement-start"));
    forced = null;

    next();
    mid(a("ses-delivered-1ms-before-until"), 5);
    forced = RecordVariant.time(IsoTimes.Form.NANOS_TRUNCATED);
    add(
        EventType.DELIVERED,
        u - 1,
        4,
        message(u - 3 * SECOND, false, a("ses-delivered-1ms-before-until")));
    forced = null;
    next();
    mid(a("ses-delivered-at-until"), 5);
    forced = RecordVariant.time(IsoTimes.Form.OFFSET_ZERO);
    add(EventType.DELIVERED, u, 5, message(u - 2 * SECOND, false, a("ses-delivered-at-until")));
    forced = null;
  }

  /**
   * Machine-open stories (SPEC.md, "Machine opens"): an Apple Mail user whose only opens are the
   * proxy's; one whose proxy open comes with a real click; a {@code Mozilla/5.0} open from outside
   * the proxy list; and, on SES records, a bot-flagged open and a proxy open.
   */
  private void planMachineOpens(long e) {
    next();
    mid(a("apple-proxy-opens-only"), 6);
    machineOpen(e + 10 * DAY, MachineOpenKind.APPLE_PROXY, a("apple-proxy-opens-only"));
    machineOpen(e + 12 * DAY, MachineOpenKind.APPLE_PROXY, a("apple-proxy-opens-only"));
    next();
    mid(a("apple-proxy-open-and-click"), 6);
    machineOpen(e + 10 * DAY, MachineOpenKind.APPLE_PROXY, a("apple-proxy-open-and-click"));
    add(
        EventType.CLICK,
        e + 10 * DAY + 40 * SECOND,
        LAG,
        message(e + 9 * DAY, false, a("apple-proxy-open-and-click")));
    next();
    mid(a("mozilla-open-outside-list"), 6);
    machineOpen(e + 10 * DAY, MachineOpenKind.MOZILLA_OUTSIDE_LIST, a("mozilla-open-outside-list"));
    if (settings.source() != EventSource.PINPOINT) {
      forceSes = true;
      next();
      mid(a("ses-bot-flag-open"), 6);
      machineOpen(e + 10 * DAY, MachineOpenKind.BOT_FLAG, a("ses-bot-flag-open"));
      next();
      mid(a("ses-apple-proxy-open"), 6);
      machineOpen(e + 10 * DAY, MachineOpenKind.APPLE_PROXY, a("ses-apple-proxy-open"));
      forceSes = false;
    }
  }

  private void machineOpen(long at, MachineOpenKind kind, String address) {
    Message m = message(at - DAY, false, address);
    forced = variantFor(m).withMachine(kind);
    add(EventType.OPEN, at, LAG, m);
    forced = null;
  }

  /** SES edge records cycle through the time forms; each names the same millisecond. */
  private RecordVariant variantFor(Message m) {
    if (forced != null) {
      return forced;
    }
    if (!m.ses) {
      return new RecordVariant(
          IsoTimes.Form.MILLIS, RecordVariant.RecipientsForm.WHOLE_DESTINATION, null, null);
    }
    return RecordVariant.time(IsoTimes.WRITTEN[(int) (counter % IsoTimes.WRITTEN.length)]);
  }

  private void next() {
    scenario++;
  }

  /** {@code n} deliveries between the window starts, hours apart, offset per scenario. */
  private void mid(String address, int n) {
    for (int i = 0; i < n; i++) {
      delivered(mid + scenario * 7 * DayPlanner.MINUTE + i * 3 * HOUR, address);
    }
  }

  /** Six deliveries, the first at {@code first}, the other five days later (before until). */
  private void afterEngagementStart(long first, String address) {
    delivered(first, address);
    for (int i = 1; i <= 5; i++) {
      delivered(engagementStart + i * DAY + scenario * 7 * DayPlanner.MINUTE, address);
    }
  }

  private PlannedEvent delivered(long at, String... destination) {
    return add(EventType.DELIVERED, at, LAG, message(at - 2 * SECOND, false, destination));
  }

  private void open(long at, String... destination) {
    add(EventType.OPEN, at, LAG, message(at - DAY, false, destination));
  }

  private Message message(long sendTs, boolean reorderedFields, String... destination) {
    byte[][] escaped = new byte[destination.length][];
    long[] keys = new long[destination.length];
    for (int i = 0; i < destination.length; i++) {
      escaped[i] = destination[i] == null ? null : ByteSink.escape(destination[i]);
      keys[i] = destination[i] == null ? -2 : (1L << 40) + destination[i].hashCode();
    }
    return new Message(
        Seeds.mix(seed, Seeds.EDGE, counter++),
        sendTs,
        Message.Source.TRANSACTIONAL,
        0,
        0,
        escaped,
        keys,
        Message.DestinationForm.LIST,
        reorderedFields,
        forceSes || settings.sesAt(sendTs));
  }

  private Message special(Message.DestinationForm form, long sendTs) {
    return new Message(
        Seeds.mix(seed, Seeds.EDGE, counter++),
        sendTs,
        Message.Source.TRANSACTIONAL,
        0,
        0,
        new byte[0][],
        new long[0],
        form,
        false,
        forceSes || settings.sesAt(sendTs));
  }

  private PlannedEvent add(EventType type, long arrival, long lag, Message m) {
    int recipient = -1;
    for (int i = 0; i < m.destination.length && recipient < 0; i++) {
      if (m.destination[i] != null) {
        recipient = i;
      }
    }
    PlannedEvent e =
        new PlannedEvent(
            type,
            m,
            recipient,
            arrival,
            arrival + lag,
            counter++,
            Seeds.mix(seed, Seeds.EDGE + 1, counter),
            false,
            lag > DayPlanner.NORMAL_LAG_MAX,
            true,
            m.ses || forced != null ? variantFor(m) : null);
    events.add(e);
    return e;
  }
}
