package io.reengage.job.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed histogram buckets: each starts at a lower edge and ends before the next; the last is open.
 *
 * <p>Edges are fixed rather than taken from the data so that two runs draw the same bars and a
 * trend over runs compares like with like.
 *
 * @param lowerEdges strictly increasing lower edges
 * @param unit what is counted, for the labels' meaning ("days", "deliveries")
 */
public record Buckets(List<Long> lowerEdges, String unit) {

  /** Days since an event: a week, two weeks, then months, up to a year and beyond. */
  public static final List<Long> DAY_EDGES =
      List.of(0L, 7L, 14L, 30L, 60L, 90L, 120L, 150L, 180L, 240L, 300L, 365L);

  /** Deliveries per address: one bar per count up to 9, then wider bars. */
  public static final List<Long> DELIVERY_EDGES =
      List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 15L, 20L, 30L, 50L, 100L);

  public Buckets {
    lowerEdges = List.copyOf(lowerEdges);
    for (int i = 1; i < lowerEdges.size(); i++) {
      if (lowerEdges.get(i) <= lowerEdges.get(i - 1)) {
        throw new IllegalArgumentException("bucket edges must increase: " + lowerEdges);
      }
    }
  }

  /**
   * Day buckets up to the one holding {@code windowDays}: a value can never be older than its
   * window, so later buckets would always be empty.
   */
  public static Buckets daysWithin(long windowDays) {
    List<Long> edges = new ArrayList<>();
    for (long e : DAY_EDGES) {
      if (edges.isEmpty() || e <= windowDays) {
        edges.add(e);
      }
    }
    return new Buckets(edges, "days");
  }

  /** Delivery-count buckets from the one holding {@code minDelivered}: fewer never qualify. */
  public static Buckets deliveriesFrom(long minDelivered) {
    List<Long> edges = new ArrayList<>();
    for (int i = 0; i < DELIVERY_EDGES.size(); i++) {
      long lo = DELIVERY_EDGES.get(i);
      long next = i + 1 < DELIVERY_EDGES.size() ? DELIVERY_EDGES.get(i + 1) : Long.MAX_VALUE;
      if (next > minDelivered) {
        edges.add(Math.max(lo, Math.min(minDelivered, next - 1)));
      }
    }
    return new Buckets(edges, "deliveries");
  }

  public int size() {
    return lowerEdges.size();
  }

  public long lower(int i) {
    return lowerEdges.get(i);
  }

  /** The bucket's last value, or null for the open last bucket. */
  public Long upper(int i) {
    return i + 1 < lowerEdges.size() ? lowerEdges.get(i + 1) - 1 : null;
  }

  /** "6", "10–14", "365+". */
  public String label(int i) {
    Long hi = upper(i);
    if (hi == null) {
      return lower(i) + "+";
    }
    return hi == lower(i) ? Long.toString(hi) : lower(i) + "\u2013" + hi;
  }

  /** The bucket of {@code value}; values below the first edge fall into the first bucket. */
  public int indexOf(long value) {
    int index = 0;
    for (int i = 1; i < lowerEdges.size(); i++) {
      if (value >= lowerEdges.get(i)) {
        index = i;
      }
    }
    return index;
  }
}
