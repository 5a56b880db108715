package io.reengage.job.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Plans the messages sent on one UTC day and every event that follows from them, from a seed
 * derived from the run's seed and the day alone: days can be planned in any order, or in parallel,
 * with the same result.
 *
 * <p>The day's volume follows {@code eventsPerDay}, more on weekdays than at weekends. Most mail
 * goes out in one or two campaign bursts a day; journeys and transactional mail trickle through
 * waking hours. Campaign and journey messages have one recipient, as Pinpoint sends them per
 * endpoint; a fifth of transactional messages have two to {@code recipientsMax}. Per recipient: a
 * hard bounce (for an address in its bouncing week), a soft bounce, or a delivery; after a delivery
 * sometimes a complaint, and by the address's engagement profile one or more opens, clicks and
 * rarely an unsubscribe, minutes to weeks later. A few messages are rejected or fail to render.
 *
 * <p>Logarithms go through {@link StrictMath}: {@link Math}'s may differ in the last bit between
 * platforms, which would change the data for the same seed.
 */
final class DayPlanner {

  static final long SECOND = 1000;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  static final double WEEKDAY_WEIGHT = 1.15;
  static final double WEEKEND_WEIGHT = 0.625;
  static final double RENDERING_FAILURE_RATE = 0.0005;
  static final double REJECT_RATE = 0.002;
  static final double SOFTBOUNCE_RATE = 0.008;
  static final double COMPLAINT_RATE = 0.0008;
  static final double UNSUBSCRIBE_RATE = 0.01;
  static final double EXTRA_OPEN_RATE = 0.35;
  static final double EXTRA_CLICK_RATE = 0.25;

  /**
   * Campaigns and journeys send to one endpoint per message; some transactional mail has several
   * recipients.
   */
  static final double SINGLE_RECIPIENT_TRANSACTIONAL_SHARE = 0.80;

  /**
   * Normal Firehose lag is capped here, and late lag starts well above it, so the two never
   * overlap.
   */
  static final long NORMAL_LAG_MAX = 2 * MINUTE;

  static final long LATE_LAG_MIN = 10 * MINUTE;
  static final long LATE_LAG_MAX = 8 * HOUR;

  /** Engagement later than this after sending is not generated. */
  static final long ENGAGEMENT_HORIZON = 30 * DAY;

  /** Relative sending volume by UTC hour for journeys and transactional mail. */
  private static final int[] HOUR_WEIGHTS = {
    1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 8, 8, 8, 8, 7, 7, 6, 5, 4, 3, 2, 1
  };

  private static final int HOUR_WEIGHT_TOTAL = java.util.Arrays.stream(HOUR_WEIGHTS).sum();
  static final int JOURNEYS = 3;

  private final GeneratorSettings settings;
  private final AddressBook book;
  private final long snapshotEnd;

  DayPlanner(GeneratorSettings settings, AddressBook book) {
    this.settings = settings;
    this.book = book;
    this.snapshotEnd = settings.snapshotEndMillis();
  }

  static double dayWeight(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? WEEKEND_WEIGHT : WEEKDAY_WEIGHT;
  }

  /** All records that follow from the messages sent on {@code day}, in planning order. */
  List<PlannedEvent> plan(LocalDate day) {
    List<PlannedEvent> out = new ArrayList<>();
    plan(day, out::add);
    return out;
  }

  void plan(LocalDate day, Consumer<PlannedEvent> sink) {
    new DayRun(day, sink).run();
  }

  private final class DayRun {
    private final SplittableRandom rng;
    private final long dayStart;
    private final long orderBase;
    private final Consumer<PlannedEvent> sink;
    private final long target;
    private final long[] campaignStart;
    private final long[] campaignLength;
    private final long[] campaignKey;
    private final int[] campaignSubject;
    private long seq;
    private long planned;

    /** For an SES message to several recipients: each one's delivery time, -1 if none. */
    private long[] groupedDeliveries;

    DayRun(LocalDate day, Consumer<PlannedEvent> sink) {
      this.rng = new SplittableRandom(Seeds.mix(settings.seed(), Seeds.DAY, day.toEpochDay()));
      this.dayStart = GeneratorSettings.startOfDayMillis(day);
      this.orderBase = (day.toEpochDay() - settings.firstSendDay().toEpochDay() + 1) << 32;
      this.sink = sink;
      double weight = dayWeight(day);
      this.target = Math.round(settings.scaledEventsPerDay() * weight);
      int campaigns = weight > 1 ? 1 + rng.nextInt(2) : rng.nextInt(2);
      campaignStart = new long[campaigns];
      campaignLength = new long[campaigns];
      campaignKey = new long[campaigns];
      campaignSubject = new int[campaigns];
      for (int c = 0; c < campaigns; c++) {
        campaignStart[c] = dayStart + 8 * HOUR + (long) (rng.nextDouble() * 10 * HOUR);
        campaignLength[c] = 5 * MINUTE + (long) (rng.nextDouble() * 25 * MINUTE);
        campaignKey[c] = rng.nextLong();
        campaignSubject[c] = rng.nextInt(RecordEncoder.CAMPAIGN_SUBJECTS);
      }
    }

    void run() {
      // A pool where every address is suppressed could never reach the target; stop after a bounded
      // effort.
      long attempts = 0;
      long maxAttempts = 4 * target + 100;
      while (planned < target && attempts++ < maxAttempts) {
        planMessage();
      }
    }

    private void planMessage() {
      long messageSeed = rng.nextLong();
      Message.Source source;
      long sourceKey;
      int subject;
      long sendTs;
      double kind = rng.nextDouble();
      if (campaignStart.length > 0 && kind < 0.70) {
        int c = rng.nextInt(campaignStart.length);
        source = Message.Source.CAMPAIGN;
        sourceKey = campaignKey[c];
        subject = campaignSubject[c];
        sendTs = campaignStart[c] + (long) (rng.nextDouble() * campaignLength[c]);
      } else {
        boolean journey = campaignStart.length > 0 ? kind < 0.85 : kind < 0.5;
        source = journey ? Message.Source.JOURNEY : Message.Source.TRANSACTIONAL;
        int j = rng.nextInt(JOURNEYS);
        sourceKey = journey ? Seeds.mix(settings.seed(), Seeds.PROJECT, j + 1) : 0;
        subject = journey ? j : rng.nextInt(RecordEncoder.TRANSACTIONAL_SUBJECTS);
        sendTs = dayStart + wakingHour() * HOUR + (long) (rng.nextDouble() * HOUR);
      }

      int wanted = source == Message.Source.TRANSACTIONAL ? transactionalRecipientCount() : 1;
      int[] ids = new int[wanted];
      AddressBook.Traits[] traits = new AddressBook.Traits[wanted];
      int k = 0;
      for (int slot = 0; slot < wanted; slot++) {
        for (int tries = 0; tries < 20; tries++) {
          int candidate = rng.nextInt(book.size());
          if (contains(ids, k, candidate)) {
            continue;
          }
          AddressBook.Traits t = book.traits(candidate);
          if (!t.suppressedAt(sendTs)) {
            ids[k] = candidate;
            traits[k] = t;
            k++;
            break;
          }
        }
      }
      if (k == 0) {
        return;
      }
      byte[][] destination = new byte[k][];
      long[] endpointKeys = new long[k];
      for (int i = 0; i < k; i++) {
        destination[i] = book.escapedAddress(ids[i]);
        endpointKeys[i] = ids[i];
      }
      Message m =
          new Message(
              messageSeed,
              sendTs,
              source,
              sourceKey,
              subject,
              destination,
              endpointKeys,
              Message.DestinationForm.LIST,
              false,
              settings.sesAt(sendTs));

      if (rng.nextDouble() < RENDERING_FAILURE_RATE) {
        emit(EventType.RENDERING_FAILURE, m, -1, sendTs + 50 + rng.nextInt(450));
        return;
      }
      emit(EventType.SEND, m, -1, sendTs + 20 + rng.nextInt(380));
      if (rng.nextDouble() < REJECT_RATE) {
        emit(EventType.REJECTED, m, -1, sendTs + 200 + rng.nextInt(2800));
        return;
      }
      if (m.ses && k > 1) {
        groupedDeliveries = new long[k];
        Arrays.fill(groupedDeliveries, -1);
      }
      for (int r = 0; r < k; r++) {
        planRecipient(m, r, traits[r]);
      }
      if (groupedDeliveries != null) {
        emitGroupedDeliveries(m);
        groupedDeliveries = null;
      }
    }

    /**
     * SES reports one Delivery per receiving mail server: the delivered recipients of a message
     * that share a domain become one event at the earliest of their times, whose {@code
     * delivery.recipients} is that subset of {@code mail.destination}.
     */
    private void emitGroupedDeliveries(Message m) {
      boolean[] done = new boolean[groupedDeliveries.length];
      for (int r = 0; r < groupedDeliveries.length; r++) {
        if (groupedDeliveries[r] < 0 || done[r]) {
          continue;
        }
        String domain = domain(m.destination[r]);
        int[] group = new int[groupedDeliveries.length];
        int n = 0;
        long at = Long.MAX_VALUE;
        for (int q = r; q < groupedDeliveries.length; q++) {
          if (groupedDeliveries[q] >= 0 && !done[q] && domain.equals(domain(m.destination[q]))) {
            done[q] = true;
            group[n++] = q;
            at = Math.min(at, groupedDeliveries[q]);
          }
        }
        emit(
            EventType.DELIVERED,
            m,
            r,
            at,
            n == 1 ? null : RecordVariant.group(Arrays.copyOf(group, n)));
      }
    }

    private void planRecipient(Message m, int r, AddressBook.Traits t) {
      long sendTs = m.sendTs;
      if (t.bouncesAt(sendTs)) {
        emit(EventType.HARDBOUNCE, m, r, sendTs + SECOND + (long) (rng.nextDouble() * 29 * SECOND));
        return;
      }
      if (rng.nextDouble() < SOFTBOUNCE_RATE) {
        emit(
            EventType.SOFTBOUNCE,
            m,
            r,
            sendTs + 10 * MINUTE + (long) (rng.nextDouble() * 12 * HOUR));
        return;
      }
      long delivered = sendTs + 300 + Math.min(10 * MINUTE, exponential(2500));
      if (groupedDeliveries != null) {
        groupedDeliveries[r] = delivered;
      } else {
        emit(EventType.DELIVERED, m, r, delivered);
      }
      double complaintRate = COMPLAINT_RATE * (t.profile() == EngagementProfile.NEVER ? 4 : 1);
      if (rng.nextDouble() < complaintRate) {
        emit(
            EventType.COMPLAINT,
            m,
            r,
            delivered + MINUTE + Math.min(5 * DAY, exponential(6 * HOUR)));
      }
      if (rng.nextDouble()
          >= t.profile().openProbability(settings.openRate(), sendTs, t.lapseAt())) {
        return;
      }
      long horizon = sendTs + ENGAGEMENT_HORIZON;
      long firstOpen = Math.min(horizon, delivered + openDelay());
      long lastOpen = firstOpen;
      emit(EventType.OPEN, m, r, firstOpen);
      for (int extra = 0; extra < 5 && rng.nextDouble() < EXTRA_OPEN_RATE; extra++) {
        lastOpen = Math.min(horizon, lastOpen + 5 * SECOND + exponential(DAY));
        emit(EventType.OPEN, m, r, lastOpen);
      }
      if (rng.nextDouble() < settings.clickRate()) {
        long click =
            (rng.nextBoolean() ? firstOpen : lastOpen)
                + 3 * SECOND
                + (long) (rng.nextDouble() * 10 * MINUTE);
        emit(EventType.CLICK, m, r, click);
        if (rng.nextDouble() < EXTRA_CLICK_RATE) {
          emit(
              EventType.CLICK, m, r, click + 5 * SECOND + (long) (rng.nextDouble() * 115 * SECOND));
        }
      }
      if (rng.nextDouble() < UNSUBSCRIBE_RATE) {
        emit(
            EventType.UNSUBSCRIBE,
            m,
            r,
            firstOpen + 10 * SECOND + (long) (rng.nextDouble() * 5 * MINUTE));
      }
    }

    /** Half of first opens come within the hour, most within a day, a tail over weeks. */
    private long openDelay() {
      double u = rng.nextDouble();
      long mean = u < 0.5 ? 15 * MINUTE : u < 0.85 ? 5 * HOUR : 3 * DAY;
      return 5 * SECOND + Math.min(ENGAGEMENT_HORIZON, exponential(mean));
    }

    private int transactionalRecipientCount() {
      int max = settings.recipientsMax();
      if (max == 1 || rng.nextDouble() < SINGLE_RECIPIENT_TRANSACTIONAL_SHARE) {
        return 1;
      }
      return 2 + rng.nextInt(max - 1);
    }

    private int wakingHour() {
      int x = rng.nextInt(HOUR_WEIGHT_TOTAL);
      for (int h = 0; h < HOUR_WEIGHTS.length; h++) {
        x -= HOUR_WEIGHTS[h];
        if (x < 0) {
          return h;
        }
      }
      return 23;
    }

    private long exponential(long mean) {
      return (long) (-mean * StrictMath.log(1 - rng.nextDouble()));
    }

    private void emit(EventType type, Message m, int recipient, long arrival) {
      emit(type, m, recipient, arrival, null);
    }

    private void emit(
        EventType type, Message m, int recipient, long arrival, RecordVariant variant) {
      planned++;
      long order = orderBase | seq++;
      long detailSeed = rng.nextLong();
      boolean late = rng.nextDouble() < settings.lateRate();
      long firehose = arrival + (late ? lateLag(rng) : normalLag(rng));
      boolean duplicate = rng.nextDouble() < settings.duplicateRate();
      long again = firehose + duplicateDelay(rng);
      if (firehose >= snapshotEnd) {
        return;
      }
      PlannedEvent e =
          new PlannedEvent(
              type,
              m,
              recipient,
              arrival,
              firehose,
              order,
              detailSeed,
              false,
              late,
              false,
              variant);
      sink.accept(e);
      if (duplicate && again < snapshotEnd) {
        sink.accept(e.duplicateAt(again));
      }
    }
  }

  private static String domain(byte[] escapedAddress) {
    String a = new String(escapedAddress, java.nio.charset.StandardCharsets.UTF_8);
    return a.substring(a.indexOf('@') + 1);
  }

  private static boolean contains(int[] ids, int count, int candidate) {
    for (int i = 0; i < count; i++) {
      if (ids[i] == candidate) {
        return true;
      }
    }
    return false;
  }

  /** Pinpoint to Firehose in about a second to two minutes. */
  static long normalLag(SplittableRandom rng) {
    return Math.min(
        NORMAL_LAG_MAX, SECOND + (long) (-8 * SECOND * StrictMath.log(1 - rng.nextDouble())));
  }

  /** A backlog: 10 minutes to 8 hours, evenly on a log scale, so some cross hours and days. */
  static long lateLag(SplittableRandom rng) {
    double lo = StrictMath.log(LATE_LAG_MIN);
    double hi = StrictMath.log(LATE_LAG_MAX);
    return (long) StrictMath.exp(lo + rng.nextDouble() * (hi - lo));
  }

  /**
   * A retried batch lands in the same object (within two seconds) or a later one (one to ten
   * minutes).
   */
  static long duplicateDelay(SplittableRandom rng) {
    return rng.nextBoolean() ? rng.nextInt(2000) : MINUTE + (long) (rng.nextDouble() * 9 * MINUTE);
  }
}
