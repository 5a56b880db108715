package io.reengage.job.machineopen;

import io.reengage.job.read.IpRangeMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of IPv4 and IPv6 CIDR ranges answering "is this address in one of them" by binary search
 * over sorted, merged, disjoint ranges: O(log n) per open, however many ranges (Apple's list has
 * tens of thousands), and a few arrays of longs to ship to every Spark task.
 *
 * <p>Build one with {@link Builder}; an address that does not parse is never contained. An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is looked up as the IPv4 address it names, and
 * a prefix inside {@code ::ffff:0:0/96} of length 96 or more is stored as the IPv4 prefix it names,
 * so both spellings of one sender agree.
 */
public final class IpRangeTable implements IpRangeMatcher {

  private static final long serialVersionUID = 1L;

  // IPv4: [v4Start[i], v4End[i]] inclusive, sorted, disjoint and not adjacent.
  private final long[] v4Start;
  private final long[] v4End;
  // IPv6: 128-bit bounds as (high, low), compared unsigned; same invariants.
  private final long[] v6StartHi;
  private final long[] v6StartLo;
  private final long[] v6EndHi;
  private final long[] v6EndLo;

  private IpRangeTable(List<long[]> v4, List<long[]> v6) {
    v4Start = new long[v4.size()];
    v4End = new long[v4.size()];
    for (int i = 0; i < v4.size(); i++) {
      v4Start[i] = v4.get(i)[0];
      v4End[i] = v4.get(i)[1];
    }
    v6StartHi = new long[v6.size()];
    v6StartLo = new long[v6.size()];
    v6EndHi = new long[v6.size()];
    v6EndLo = new long[v6.size()];
    for (int i = 0; i < v6.size(); i++) {
      long[] r = v6.get(i);
      v6StartHi[i] = r[0];
      v6StartLo[i] = r[1];
      v6EndHi[i] = r[2];
      v6EndLo[i] = r[3];
    }
  }

  /** The number of disjoint IPv4 ranges after merging (for logs and tests). */
  public int ipv4Ranges() {
    return v4Start.length;
  }

  /** The number of disjoint IPv6 ranges after merging (for logs and tests). */
  public int ipv6Ranges() {
    return v6StartHi.length;
  }

  @Override
  public boolean contains(String ip) {
    if (ip == null) {
      return false;
    }
    int from = 0;
    int to = ip.length();
    // Tolerate surrounding blanks, as a field copied from a header may carry them.
    while (from < to && ip.charAt(from) == ' ') {
      from++;
    }
    while (to > from && ip.charAt(to - 1) == ' ') {
      to--;
    }
    if (from == to) {
      return false;
    }
    if (ip.indexOf(':', from) < 0) {
      long v4 = IpAddresses.parseV4(ip, from, to);
      return v4 != IpAddresses.NOT_V4 && containsV4(v4);
    }
    long[] v6 = new long[2];
    if (!IpAddresses.parseV6(ip, from, to, v6)) {
      return false;
    }
    long mapped = IpAddresses.mappedV4(v6[0], v6[1]);
    return mapped != IpAddresses.NOT_V4 ? containsV4(mapped) : containsV6(v6[0], v6[1]);
  }

  private boolean containsV4(long a) {
    // The last range starting at or before a.
    int lo = 0;
    int hi = v4Start.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (v4Start[mid] <= a) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && a <= v4End[found];
  }

  private boolean containsV6(long aHi, long aLo) {
    int lo = 0;
    int hi = v6StartHi.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(v6StartHi[mid], v6StartLo[mid], aHi, aLo) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && compare(aHi, aLo, v6EndHi[found], v6EndLo[found]) <= 0;
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compareUnsigned(aHi, bHi);
    return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
  }

  /** Collects CIDR prefixes, then sorts and merges them into a table. */
  public static final class Builder {

    private final List<long[]> v4 = new ArrayList<>();
    private final List<long[]> v6 = new ArrayList<>();

    /**
     * Adds a prefix such as {@code 17.0.0.0/8} or {@code 2a02:26f7:b3c0:4000::/64}. A bare address
     * is a single host (/32 or /128). Host bits below the prefix length are ignored (the prefix
     * {@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException saying why the text is not a prefix
     */
    public Builder add(String cidr) {
      String text = cidr.strip();
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      boolean isV6 = address.indexOf(':') >= 0;
      int maxLength = isV6 ? 128 : 32;
      int length = maxLength;
      if (slash >= 0) {
        String len = text.substring(slash + 1);
        if (!len.matches("[0-9]{1,3}") || Integer.parseInt(len) > maxLength) {
          throw new IllegalArgumentException(
              "the prefix length '" + len + "' is not a number from 0 to " + maxLength);
        }
        length = Integer.parseInt(len);
      }
      if (!isV6) {
        long a = IpAddresses.parseV4(address, 0, address.length());
        if (a == IpAddresses.NOT_V4) {
          throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
        }
        addV4(a, length);
        return this;
      }
      long[] a = new long[2];
      if (!IpAddresses.parseV6(address, 0, address.length(), a)) {
        throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
      }
      long mapped = IpAddresses.mappedV4(a[0], a[1]);
      if (mapped != IpAddresses.NOT_V4 && length >= 96) {
        addV4(mapped, length - 96);
        return this;
      }
      long maskHi = length >= 64 ? -1L : (length == 0 ? 0L : -1L << (64 - length));
      long maskLo = length <= 64 ? 0L : (length == 128 ? -1L : -1L << (128 - length));
      long startHi = a[0] & maskHi;
      long startLo = a[1] & maskLo;
      v6.add(new long[] {startHi, startLo, startHi | ~maskHi, startLo | ~maskLo});
      return this;
    }

    private void addV4(long a, int length) {
      long size = 1L << (32 - length);
      long start = a & ~(size - 1) & 0xffff_ffffL;
      v4.add(new long[] {start, start + size - 1});
    }

    public IpRangeTable build() {
      return new IpRangeTable(mergeV4(v4), mergeV6(v6));
    }

    private static List<long[]> mergeV4(List<long[]> ranges) {
      List<long[]> sorted = new ArrayList<>(ranges);
      sorted.sort(Comparator.comparingLong(r -> r[0]));
      List<long[]> merged = new ArrayList<>();
      for (long[] r : sorted) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && r[0] <= last[1] + 1) {
          last[1] = Math.max(last[1], r[1]);
        } else {
          merged.add(Arrays.copyOf(r, 2));
        }
      }
      return merged;
    }

    private static List<long[]> mergeV6(List<long[]> ranges) {
      List<long[]> sorted = new ArrayList<>(ranges);
      sorted.sort((x, y) -> compare(x[0], x[1], y[0], y[1]));
      List<long[]> merged = new ArrayList<>();
      for (long[] r : sorted) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && touches(last, r)) {
          if (compare(r[2], r[3], last[2], last[3]) > 0) {
            last[2] = r[2];
            last[3] = r[3];
          }
        } else {
          merged.add(Arrays.copyOf(r, 4));
        }
      }
      return merged;
    }

    /** True when r starts at or before the address just after last's end. */
    private static boolean touches(long[] last, long[] r) {
      if (last[2] == -1L && last[3] == -1L) {
        return true; // last reaches the top of the address space
      }
      long nextLo = last[3] + 1;
      long nextHi = nextLo == 0 ? last[2] + 1 : last[2];
      return compare(r[0], r[1], nextHi, nextLo) <= 0;
    }
  }
}
