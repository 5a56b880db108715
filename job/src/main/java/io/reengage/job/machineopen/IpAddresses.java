package io.reengage.job.machineopen;

/**
 * Parses textual IP addresses into numbers without any name lookup ({@code InetAddress.getByName}
 * would resolve host names, which must never happen for a field read from an event).
 *
 * <p>An IPv4 address is a number in {@code [0, 2^32)}. An IPv6 address is 128 bits, returned as two
 * longs (high and low 64 bits). An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d} or {@code
 * ::ffff:0a0b:0c0d}) is the IPv4 host it names: it is the same sender, and a table built from IPv4
 * prefixes must match it.
 */
final class IpAddresses {

  /** Returned by {@link #parseV4} for text that is not a dotted quad. */
  static final long NOT_V4 = -1L;

  private IpAddresses() {}

  /**
   * The value of a dotted-quad IPv4 address ({@code 0.0.0.0} to {@code 255.255.255.255}, each part
   * 1 to 3 decimal digits), or {@link #NOT_V4}.
   */
  static long parseV4(CharSequence s, int from, int to) {
    long value = 0;
    int parts = 0;
    int i = from;
    while (parts < 4) {
      int start = i;
      int part = 0;
      while (i < to && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        part = part * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || part > 255) {
        return NOT_V4;
      }
      value = (value << 8) | part;
      parts++;
      if (parts < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return NOT_V4;
        }
        i++;
      }
    }
    return i == to ? value : NOT_V4;
  }

  /**
   * The 128 bits of an IPv6 address in {@code out[0]} (high) and {@code out[1]} (low); false when
   * the text is not an IPv6 address. Accepts {@code ::} compression and a trailing dotted quad;
   * rejects zone ids ({@code %eth0}), which no egress address carries.
   */
  static boolean parseV6(CharSequence s, int from, int to, long[] out) {
    int[] groups = new int[8];
    int count = 0;
    int compressAt = -1;
    int i = from;
    if (to - from < 2) {
      return false;
    }
    if (s.charAt(i) == ':') {
      if (s.charAt(i + 1) != ':') {
        return false;
      }
      compressAt = 0;
      i += 2;
      if (i == to) {
        out[0] = 0;
        out[1] = 0;
        return true;
      }
    }
    while (i < to) {
      if (count == 8) {
        return false;
      }
      int start = i;
      int group = 0;
      while (i < to && i - start < 4 && hex(s.charAt(i)) >= 0) {
        group = (group << 4) | hex(s.charAt(i));
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        // A dotted quad fills the last two groups.
        if (count > 6) {
          return false;
        }
        long v4 = parseV4(s, start, to);
        if (v4 == NOT_V4) {
          return false;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        i = to;
        break;
      }
      if (i == start) {
        return false;
      }
      groups[count++] = group;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < to && s.charAt(i) == ':') {
        if (compressAt >= 0) {
          return false; // "::" twice
        }
        compressAt = count;
        i++;
      } else if (i == to) {
        return false; // a trailing single ':'
      }
    }
    int[] full = new int[8];
    if (compressAt >= 0) {
      if (count == 8) {
        return false;
      }
      int tail = count - compressAt;
      System.arraycopy(groups, 0, full, 0, compressAt);
      System.arraycopy(groups, compressAt, full, 8 - tail, tail);
    } else {
      if (count != 8) {
        return false;
      }
      full = groups;
    }
    long hi = 0;
    long lo = 0;
    for (int g = 0; g < 4; g++) {
      hi = (hi << 16) | full[g];
      lo = (lo << 16) | full[g + 4];
    }
    out[0] = hi;
    out[1] = lo;
    return true;
  }

  /** The IPv4 address an IPv4-mapped IPv6 address names, or {@link #NOT_V4}. */
  static long mappedV4(long hi, long lo) {
    return hi == 0 && (lo >>> 32) == 0xffffL ? lo & 0xffff_ffffL : NOT_V4;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
