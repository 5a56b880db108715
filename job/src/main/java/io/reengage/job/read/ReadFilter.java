package io.reengage.job.read;

import java.io.Serializable;
import java.util.Set;

/**
 * What the reader keeps: events of the given types whose arrival_timestamp lies in {@code
 * [minArrivalMillis, untilMillis)}, and how it tells machine opens from people's.
 *
 * <p>This is only a pushdown to keep out-of-window events out of Spark's rows; the rules apply the
 * exact window tests again, so the lower bound here may be (and is) a little generous.
 */
public record ReadFilter(
    Set<String> eventTypes,
    long minArrivalMillis,
    long untilMillis,
    MachineOpenClassifier machineOpens)
    implements Serializable {

  public ReadFilter {
    eventTypes = Set.copyOf(eventTypes);
    java.util.Objects.requireNonNull(machineOpens, "machineOpens");
    if (minArrivalMillis > untilMillis) {
      throw new IllegalArgumentException(
          "Invalid read range: " + minArrivalMillis + " > " + untilMillis);
    }
  }

  /** Classifies machine opens by the user agent alone (the default). */
  public ReadFilter(Set<String> eventTypes, long minArrivalMillis, long untilMillis) {
    this(eventTypes, minArrivalMillis, untilMillis, MachineOpenClassifier.userAgentOnly());
  }

  /** Keeps every event of the given types, whatever its time. */
  public static ReadFilter allTimes(Set<String> eventTypes) {
    return new ReadFilter(eventTypes, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  boolean inRange(long arrivalMillis) {
    return arrivalMillis >= minArrivalMillis && arrivalMillis < untilMillis;
  }
}
