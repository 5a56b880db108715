package io.reengage.job.rules;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Everything the rules of SPEC.md depend on. Defaults reproduce the Athena query.
 *
 * @param asOf the date that plays the role of the query's {@code current_date} (UTC)
 * @param deliveredWindowMonths deliveries count when after midnight UTC of {@code asOf} minus this
 * @param engagementWindowMonths opens and clicks count when after midnight UTC of {@code asOf}
 *     minus this
 * @param minDelivered an address needs at least this many deliveries ({@code 6} is the query's
 *     {@code > 5})
 * @param engagementTypes the event types that count as engagement
 * @param untilMillis events with {@code arrival_timestamp >= untilMillis} are ignored (exclusive
 *     bound)
 */
public record RuleParameters(
    LocalDate asOf,
    int deliveredWindowMonths,
    int engagementWindowMonths,
    int minDelivered,
    Set<String> engagementTypes,
    long untilMillis)
    implements Serializable {

  public static final String DELIVERED = "_email.delivered";
  public static final Set<String> DEFAULT_ENGAGEMENT_TYPES = Set.of("_email.open", "_email.click");
  public static final int DEFAULT_DELIVERED_WINDOW_MONTHS = 10;
  public static final int DEFAULT_ENGAGEMENT_WINDOW_MONTHS = 6;
  public static final int DEFAULT_MIN_DELIVERED = 6;

  /** Windows longer than this are almost certainly a typo (months entered as days). */
  public static final int MAX_WINDOW_MONTHS = 1200;

  public RuleParameters {
    if (asOf == null) {
      throw new IllegalArgumentException("Invalid as-of date: missing");
    }
    checkWindow("delivered-window-months", deliveredWindowMonths);
    checkWindow("engagement-window-months", engagementWindowMonths);
    if (minDelivered < 1) {
      throw new IllegalArgumentException(
          "Invalid min-delivered: " + minDelivered + " (must be at least 1)");
    }
    engagementTypes = new EngagementTypes(engagementTypes).engagement();
  }

  /** The engagement types as a value of their own (all that a daily rollup depends on). */
  public EngagementTypes types() {
    return new EngagementTypes(engagementTypes);
  }

  private static void checkWindow(String name, int months) {
    if (months < 0 || months > MAX_WINDOW_MONTHS) {
      throw new IllegalArgumentException(
          "Invalid " + name + ": " + months + " (must be between 0 and " + MAX_WINDOW_MONTHS + ")");
    }
  }

  /** The query's defaults for the given as-of date and upper bound. */
  public static RuleParameters defaults(LocalDate asOf, long untilMillis) {
    return new RuleParameters(
        asOf,
        DEFAULT_DELIVERED_WINDOW_MONTHS,
        DEFAULT_ENGAGEMENT_WINDOW_MONTHS,
        DEFAULT_MIN_DELIVERED,
        DEFAULT_ENGAGEMENT_TYPES,
        untilMillis);
  }

  /**
   * The default upper bound: the start of the day after {@code asOf}, or {@code now} when that is
   * earlier (a run for today sees only what has arrived).
   */
  public static long defaultUntil(LocalDate asOf, Instant now) {
    long endOfAsOf = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return Math.min(endOfAsOf, now.toEpochMilli());
  }

  /**
   * Calendar months back, clamped to the month's last day (2026-12-31 minus 10 months =
   * 2026-02-28).
   */
  public LocalDate deliveredStartDate() {
    return asOf.minusMonths(deliveredWindowMonths);
  }

  public LocalDate engagementStartDate() {
    return asOf.minusMonths(engagementWindowMonths);
  }

  /** Midnight UTC starting the delivered window, in epoch seconds. */
  public long deliveredStartSeconds() {
    return deliveredStartDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Midnight UTC starting the engagement window, in epoch seconds. */
  public long engagementStartSeconds() {
    return engagementStartDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Every event type the rules look at. */
  public Set<String> countedTypes() {
    return types().counted();
  }

  /**
   * The earliest arrival (ms) that can pass either window test. One second early on purpose: second
   * truncation is toward zero, and the rules apply the exact test anyway.
   */
  public long earliestRelevantMillis() {
    return Math.min(deliveredStartSeconds(), engagementStartSeconds()) * 1000L - 1000L;
  }
}
