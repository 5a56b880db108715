package io.reengage.job.report;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The domains with the most addresses among some per-domain rows, and how many domains and
 * unengaged addresses those rows hold: what one partition of the grouped rows sends to the driver,
 * and, {@link #merge merged}, what all of them hold.
 *
 * <p>Why not a sort and a limit in Spark: the counts have to come from the same pass, and an
 * observation above a sort is not reliable, since a global sort may read its input twice (once to
 * sample the range bounds, once to shuffle). Here each partition keeps at most {@code size} rows in
 * a heap, so the driver receives a few rows per partition whatever the number of domains.
 */
public final class TopDomains implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One domain's counts. */
  public record Domain(String name, long addresses, long unengaged) implements Serializable {}

  /**
   * Most addresses first; ties by name in UTF-8 byte order, the order Spark sorts strings in, so
   * that the report does not depend on where the top was cut.
   */
  static final Comparator<Domain> ORDER =
      Comparator.comparingLong(Domain::addresses)
          .reversed()
          .thenComparing(
              (a, b) ->
                  Arrays.compareUnsigned(
                      a.name().getBytes(StandardCharsets.UTF_8),
                      b.name().getBytes(StandardCharsets.UTF_8)));

  private final int size;
  private final List<Domain> top;
  private final long domains;
  private final long unengaged;

  private TopDomains(int size, List<Domain> top, long domains, long unengaged) {
    this.size = size;
    this.top = List.copyOf(top);
    this.domains = domains;
    this.unengaged = unengaged;
  }

  /** Keeps the first {@code size} of {@code rows} in {@link #ORDER}, and counts them all. */
  public static TopDomains of(Iterator<Domain> rows, int size) {
    // The heap's head is the worst of the kept rows, the one a better row replaces.
    PriorityQueue<Domain> kept = new PriorityQueue<>(size + 1, ORDER.reversed());
    long domains = 0;
    long unengaged = 0;
    while (rows.hasNext()) {
      Domain d = rows.next();
      domains++;
      unengaged += d.unengaged();
      kept.add(d);
      if (kept.size() > size) {
        kept.poll();
      }
    }
    List<Domain> top = new ArrayList<>(kept);
    top.sort(ORDER);
    return new TopDomains(size, top, domains, unengaged);
  }

  /** The top of both, and their counts added (the rows of the two must not share a domain). */
  public TopDomains merge(TopDomains other) {
    int kept = Math.max(size, other.size);
    List<Domain> both = new ArrayList<>(top);
    both.addAll(other.top);
    both.sort(ORDER);
    return new TopDomains(
        kept,
        both.subList(0, Math.min(kept, both.size())),
        domains + other.domains,
        unengaged + other.unengaged);
  }

  /** The kept domains, in {@link #ORDER}. */
  public List<Domain> top() {
    return top;
  }

  /** How many domains the rows held. */
  public long domains() {
    return domains;
  }

  /** The unengaged addresses of all the rows. */
  public long unengaged() {
    return unengaged;
  }
}
