package io.reengage.job.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that decides what {@link EventGenerator} writes. Same settings, same bytes.
 *
 * <p>Time span: messages are sent on the {@code days} UTC days before {@code asOf} and on the
 * {@code daysAfter} days from {@code asOf} on; the data set is a snapshot of the bucket at the
 * start of day {@code asOf + daysAfter}, so nothing reaches Firehose at or after that instant
 * (opens and clicks that would come later are not there yet). With the default {@code daysAfter =
 * 2} the data holds events on the as-of day (before the job's default {@code until}, the start of
 * {@code asOf + 1}) and on the day after it (at or after {@code until}), so a wrong upper bound
 * shows. With {@code daysAfter = 0} the data ends the day before as-of. Edge-case events (when
 * asked) sit at fixed instants and are written whatever the snapshot.
 *
 * <p>Validation messages name the CLI option, because that is how most people set these values.
 *
 * @param addresses size of the address pool
 * @param days days of sending before {@code asOf}
 * @param daysAfter days of sending from {@code asOf} on
 * @param asOf the as-of date the data is built around (the segment job's {@code --as-of})
 * @param seed the seed every random choice derives from
 * @param eventsPerDay average events (before duplicates) of the messages sent on a day; weekdays
 *     get more
 * @param recipientsMax most recipients in one transactional message (most have one; campaign and
 *     journey messages always have one)
 * @param openRate share of deliveries opened at least once, over all addresses and the whole period
 * @param clickRate share of opened deliveries that are also clicked
 * @param duplicateRate share of records Firehose writes a second time
 * @param lateRate share of records that reach Firehose 10 minutes to 8 hours late
 * @param formatMix shares of ndjson, concatenated and gzip objects
 * @param streamName the Firehose delivery stream name in object names
 * @param layout folder layout
 * @param edgeCases whether to add the SPEC.md boundary events ({@link EdgeCases})
 * @param deliveredWindowMonths the delivered window the edge cases are placed for
 * @param engagementWindowMonths the engagement window the edge cases are placed for
 * @param bufferSeconds Firehose buffer interval: one object collects at most this much arrival time
 * @param bufferMb Firehose buffer size: an object is closed when it would grow past this many MiB
 * @param source which service's records to write
 * @param switchDate with {@link EventSource#MIXED}: the first UTC day whose messages are sent with
 *     SES (earlier ones with Pinpoint); ignored otherwise
 * @param machineOpenShare share of opens that are machine opens by the user-agent-only reading of
 *     SPEC.md ("Machine opens"): user agent exactly {@code Mozilla/5.0} or SES {@code isBotEvent}
 *     {@code Likely}; 0 writes none (and no IP list)
 * @param machineOpenRanges how many CIDR ranges the generated proxy IP list holds
 * @param mailPerDayFactor multiplies the mail sent each day over the same address pool and days,
 *     for scaling benchmarks; 1 is {@code eventsPerDay} as given
 */
public record GeneratorSettings(
    int addresses,
    int days,
    int daysAfter,
    LocalDate asOf,
    long seed,
    int eventsPerDay,
    int recipientsMax,
    double openRate,
    double clickRate,
    double duplicateRate,
    double lateRate,
    FormatMix formatMix,
    String streamName,
    Layout layout,
    boolean edgeCases,
    int deliveredWindowMonths,
    int engagementWindowMonths,
    int bufferSeconds,
    int bufferMb,
    EventSource source,
    LocalDate switchDate,
    double machineOpenShare,
    int machineOpenRanges,
    int mailPerDayFactor) {

  public static final int ADDRESSES_DEFAULT = 1000;
  public static final int DAYS_DEFAULT = 365;
  public static final int DAYS_AFTER_DEFAULT = 2;
  public static final long SEED_DEFAULT = 1;
  public static final int EVENTS_PER_DAY_DEFAULT = 200;
  public static final int RECIPIENTS_MAX_DEFAULT = 3;
  public static final double OPEN_RATE_DEFAULT = 0.25;
  public static final double CLICK_RATE_DEFAULT = 0.15;
  public static final double DUPLICATE_RATE_DEFAULT = 0.005;
  public static final double LATE_RATE_DEFAULT = 0.01;
  public static final String STREAM_NAME_DEFAULT = "pinpoint-email-events";
  public static final int DELIVERED_WINDOW_MONTHS_DEFAULT = 10;
  public static final int ENGAGEMENT_WINDOW_MONTHS_DEFAULT = 6;
  public static final int BUFFER_SECONDS_DEFAULT = 300;
  public static final int BUFFER_MB_DEFAULT = 5;
  public static final double MACHINE_OPEN_SHARE_DEFAULT = 0;
  public static final int MACHINE_OPEN_RANGES_DEFAULT = 1000;
  public static final int MACHINE_OPEN_RANGES_LIMIT = 20_000;
  public static final int MAIL_PER_DAY_FACTOR_DEFAULT = 1;
  static final int MAIL_PER_DAY_FACTOR_LIMIT = 64;

  /** With {@code mixed} and no switch date: this many months before the as-of date. */
  public static final int SWITCH_MONTHS_BEFORE_AS_OF_DEFAULT = 4;

  /** SES accepts at most 50 recipients per message. */
  static final int RECIPIENTS_LIMIT = 50;

  static final int DAYS_LIMIT = 36_600;

  /** Firehose's own stream-name rule. */
  private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

  public GeneratorSettings {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(formatMix, "formatMix");
    Objects.requireNonNull(layout, "layout");
    positive("--addresses", addresses);
    positive("--days", days);
    check(days <= DAYS_LIMIT, "--days", days, "must be <= " + DAYS_LIMIT);
    check(daysAfter >= 0, "--days-after", daysAfter, "must be >= 0");
    check(daysAfter <= DAYS_LIMIT, "--days-after", daysAfter, "must be <= " + DAYS_LIMIT);
    positive("--events-per-day", eventsPerDay);
    positive("--recipients-max", recipientsMax);
    check(
        recipientsMax <= RECIPIENTS_LIMIT,
        "--recipients-max",
        recipientsMax,
        "must be <= " + RECIPIENTS_LIMIT + ", the SES limit");
    fraction("--open-rate", openRate, true);
    fraction("--click-rate", clickRate, true);
    fraction("--duplicate-rate", duplicateRate, false);
    fraction("--late-rate", lateRate, true);
    check(
        streamName != null && STREAM_NAME.matcher(streamName).matches(),
        "--stream-name",
        streamName,
        "use 1 to 64 of a-z A-Z 0-9 _ . -");
    positive("--delivered-window-months", deliveredWindowMonths);
    positive("--engagement-window-months", engagementWindowMonths);
    check(
        deliveredWindowMonths > engagementWindowMonths,
        "--delivered-window-months",
        deliveredWindowMonths,
        "must be > --engagement-window-months "
            + engagementWindowMonths
            + " so that edge cases have room between the window starts");
    positive("--buffer-seconds", bufferSeconds);
    check(
        bufferSeconds <= 86_400,
        "--buffer-seconds",
        bufferSeconds,
        "must be <= 86400; Firehose allows 0 to 900");
    positive("--buffer-mb", bufferMb);
    check(bufferMb <= 128, "--buffer-mb", bufferMb, "must be <= 128, the Firehose limit");
    long firstDay = asOf.toEpochDay() - days;
    check(
        firstDay >= LocalDate.of(1971, 1, 1).toEpochDay(),
        "--days",
        days,
        "reaches back before 1971 from --as-of " + asOf);
    check(asOf.getYear() < 9000, "--as-of", asOf, "must be before year 9000");
    Objects.requireNonNull(source, "source");
    if (switchDate == null) {
      switchDate = asOf.minusMonths(SWITCH_MONTHS_BEFORE_AS_OF_DEFAULT);
    }
    fraction("--machine-open-share", machineOpenShare, true);
    positive("--machine-open-ranges", machineOpenRanges);
    check(
        machineOpenRanges <= MACHINE_OPEN_RANGES_LIMIT,
        "--machine-open-ranges",
        machineOpenRanges,
        "must be <= " + MACHINE_OPEN_RANGES_LIMIT);
    positive("--mail-per-day-factor", mailPerDayFactor);
    check(
        mailPerDayFactor <= MAIL_PER_DAY_FACTOR_LIMIT,
        "--mail-per-day-factor",
        mailPerDayFactor,
        "must be <= " + MAIL_PER_DAY_FACTOR_LIMIT);
    check(
        (long) eventsPerDay * mailPerDayFactor <= 100_000_000L,
        "--mail-per-day-factor",
        mailPerDayFactor,
        "times --events-per-day " + eventsPerDay + " must be <= 100000000");
  }

  /** Whether a message sent at {@code sendMillis} is reported by SES (else by Pinpoint). */
  boolean sesAt(long sendMillis) {
    return switch (source) {
      case PINPOINT -> false;
      case SES -> true;
      case MIXED -> sendMillis >= startOfDayMillis(switchDate);
    };
  }

  /** Average events a day, before duplicates, with the volume factor applied. */
  long scaledEventsPerDay() {
    return (long) eventsPerDay * mailPerDayFactor;
  }

  private static void positive(String option, long value) {
    check(value > 0, option, value, "must be > 0");
  }

  private static void fraction(String option, double value, boolean oneAllowed) {
    boolean ok = value >= 0 && (oneAllowed ? value <= 1 : value < 1);
    check(ok, option, value, oneAllowed ? "must be between 0 and 1" : "must be >= 0 and < 1");
  }

  private static void check(boolean ok, String option, Object value, String reason) {
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Invalid %s: %s (%s)", option, value, reason));
    }
  }

  public static Builder builder(LocalDate asOf) {
    return new Builder(asOf);
  }

  public Builder toBuilder() {
    return new Builder(asOf)
        .addresses(addresses)
        .days(days)
        .daysAfter(daysAfter)
        .seed(seed)
        .eventsPerDay(eventsPerDay)
        .recipientsMax(recipientsMax)
        .openRate(openRate)
        .clickRate(clickRate)
        .duplicateRate(duplicateRate)
        .lateRate(lateRate)
        .formatMix(formatMix)
        .streamName(streamName)
        .layout(layout)
        .edgeCases(edgeCases)
        .deliveredWindowMonths(deliveredWindowMonths)
        .engagementWindowMonths(engagementWindowMonths)
        .bufferSeconds(bufferSeconds)
        .bufferMb(bufferMb)
        .source(source)
        .switchDate(switchDate)
        .machineOpenShare(machineOpenShare)
        .machineOpenRanges(machineOpenRanges)
        .mailPerDayFactor(mailPerDayFactor);
  }

  /** First UTC day on which messages are sent. */
  LocalDate firstSendDay() {
    return asOf.minusDays(days);
  }

  /** The day after the last day on which messages are sent. */
  LocalDate endSendDay() {
    return asOf.plusDays(daysAfter);
  }

  /** Nothing but edge cases reaches Firehose at or after this instant (epoch ms). */
  long snapshotEndMillis() {
    return startOfDayMillis(endSendDay());
  }

  /** The job's default {@code until}: the start of the day after as-of (SPEC.md, Parameters). */
  public long untilMillis() {
    return startOfDayMillis(asOf.plusDays(1));
  }

  /** Start of the delivered window the edge cases are placed for (SPEC.md, month arithmetic). */
  public long deliveredStartMillis() {
    return startOfDayMillis(asOf.minusMonths(deliveredWindowMonths));
  }

  /** Start of the engagement window the edge cases are placed for. */
  public long engagementStartMillis() {
    return startOfDayMillis(asOf.minusMonths(engagementWindowMonths));
  }

  static long startOfDayMillis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Optional settings with their defaults; only the as-of date is mandatory. */
  public static final class Builder {
    private int addresses = ADDRESSES_DEFAULT;
    private int days = DAYS_DEFAULT;
    private int daysAfter = DAYS_AFTER_DEFAULT;
    private LocalDate asOf;
    private long seed = SEED_DEFAULT;
    private int eventsPerDay = EVENTS_PER_DAY_DEFAULT;
    private int recipientsMax = RECIPIENTS_MAX_DEFAULT;
    private double openRate = OPEN_RATE_DEFAULT;
    private double clickRate = CLICK_RATE_DEFAULT;
    private double duplicateRate = DUPLICATE_RATE_DEFAULT;
    private double lateRate = LATE_RATE_DEFAULT;
    private FormatMix formatMix = FormatMix.defaults();
    private String streamName = STREAM_NAME_DEFAULT;
    private Layout layout = Layout.FIREHOSE;
    private boolean edgeCases;
    private int deliveredWindowMonths = DELIVERED_WINDOW_MONTHS_DEFAULT;
    private int engagementWindowMonths = ENGAGEMENT_WINDOW_MONTHS_DEFAULT;
    private int bufferSeconds = BUFFER_SECONDS_DEFAULT;
    private int bufferMb = BUFFER_MB_DEFAULT;
    private EventSource source = EventSource.PINPOINT;
    private LocalDate switchDate;
    private double machineOpenShare = MACHINE_OPEN_SHARE_DEFAULT;
    private int machineOpenRanges = MACHINE_OPEN_RANGES_DEFAULT;
    private int mailPerDayFactor = MAIL_PER_DAY_FACTOR_DEFAULT;

    private Builder(LocalDate asOf) {
      this.asOf = asOf;
    }

    public Builder addresses(int value) {
      this.addresses = value;
      return this;
    }

    public Builder days(int value) {
      this.days = value;
      return this;
    }

    public Builder daysAfter(int value) {
      this.daysAfter = value;
      return this;
    }

    public Builder asOf(LocalDate value) {
      this.asOf = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder eventsPerDay(int value) {
      this.eventsPerDay = value;
      return this;
    }

    public Builder recipientsMax(int value) {
      this.recipientsMax = value;
      return this;
    }

    public Builder openRate(double value) {
      this.openRate = value;
      return this;
    }

    public Builder clickRate(double value) {
      this.clickRate = value;
      return this;
    }

    public Builder duplicateRate(double value) {
      this.duplicateRate = value;
      return this;
    }

    public Builder lateRate(double value) {
      this.lateRate = value;
      return this;
    }

    public Builder formatMix(FormatMix value) {
      this.formatMix = value;
      return this;
    }

    public Builder streamName(String value) {
      this.streamName = value;
      return this;
    }

    public Builder layout(Layout value) {
      this.layout = value;
      return this;
    }

    public Builder edgeCases(boolean value) {
      this.edgeCases = value;
      return this;
    }

    public Builder deliveredWindowMonths(int value) {
      this.deliveredWindowMonths = value;
      return this;
    }

    public Builder engagementWindowMonths(int value) {
      this.engagementWindowMonths = value;
      return this;
    }

    public Builder bufferSeconds(int value) {
      this.bufferSeconds = value;
      return this;
    }

    public Builder bufferMb(int value) {
      this.bufferMb = value;
      return this;
    }

    public Builder source(EventSource value) {
      this.source = value;
      return this;
    }

    /** Null: {@link #SWITCH_MONTHS_BEFORE_AS_OF_DEFAULT} months before the as-of date. */
    public Builder switchDate(LocalDate value) {
      this.switchDate = value;
      return this;
    }

    public Builder machineOpenShare(double value) {
      this.machineOpenShare = value;
      return this;
    }

    public Builder machineOpenRanges(int value) {
      this.machineOpenRanges = value;
      return this;
    }

    public Builder mailPerDayFactor(int value) {
      this.mailPerDayFactor = value;
      return this;
    }

    public GeneratorSettings build() {
      return new GeneratorSettings(
          addresses,
          days,
          daysAfter,
          asOf,
          seed,
          eventsPerDay,
          recipientsMax,
          openRate,
          clickRate,
          duplicateRate,
          lateRate,
          formatMix,
          streamName,
          layout,
          edgeCases,
          deliveredWindowMonths,
          engagementWindowMonths,
          bufferSeconds,
          bufferMb,
          source,
          switchDate,
          machineOpenShare,
          machineOpenRanges,
          mailPerDayFactor);
    }
  }
}
