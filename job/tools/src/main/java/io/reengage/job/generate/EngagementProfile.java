package io.reengage.job.generate;

/**
 * How an address engages over time. The factors scale the open rate; {@link #NORMALISER} makes the
 * factors average 1 over all deliveries, so the configured open rate holds for the pool as a whole.
 * Lapsed addresses engage well until a point in time and never after: the case a re-engagement
 * segment is for.
 */
enum EngagementProfile {
  NEVER(0.25, 0.0),
  LAPSED(0.25, 1.5),
  OCCASIONAL(0.30, 0.8),
  ACTIVE(0.20, 2.0);

  /** Expected factor per delivery; a lapsed address engages for half its deliveries on average. */
  static final double NORMALISER =
      NEVER.weight * NEVER.factor
          + LAPSED.weight * LAPSED.factor * 0.5
          + OCCASIONAL.weight * OCCASIONAL.factor
          + ACTIVE.weight * ACTIVE.factor;

  private final double weight;
  private final double factor;

  EngagementProfile(double weight, double factor) {
    this.weight = weight;
    this.factor = factor;
  }

  /** Picks a profile from a uniform draw in [0, 1). */
  static EngagementProfile pick(double u) {
    double acc = 0;
    for (EngagementProfile p : values()) {
      acc += p.weight;
      if (u < acc) {
        return p;
      }
    }
    return ACTIVE;
  }

  /**
   * Probability that a delivery sent at {@code sentAt} is opened, for an address that lapses at
   * {@code lapseAt}.
   */
  double openProbability(double openRate, long sentAt, long lapseAt) {
    if (this == LAPSED && sentAt >= lapseAt) {
      return 0;
    }
    return Math.min(0.98, openRate * factor / NORMALISER);
  }
}
