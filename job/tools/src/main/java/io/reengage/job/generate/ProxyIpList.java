package io.reengage.job.generate;

import java.nio.charset.StandardCharsets;

/**
 * A generated stand-in for Apple's published list of privacy-proxy egress ranges, in its format:
 * one {@code prefix,country,region,city,} line per range, IPv4 and IPv6. Three of every four ranges
 * are IPv4 {@code /29}s spread over the benchmarking block 198.18.0.0/15 (RFC 2544), the rest IPv6
 * {@code /64}s in the documentation block 2001:db8::/32 (RFC 3849), so no generated address is a
 * real host, and none of them collides with the documentation ranges ordinary opens come from. The
 * list depends on its size alone.
 */
final class ProxyIpList {

  /** Where the generator writes the list, inside the output folder: '_' hides it from readers. */
  static final String FILE_NAME = "_machine-open-ips.csv";

  private static final String[] PLACES = {
    "US,US-CA,Los Angeles", "US,US-NY,New York", "GB,GB-EN,London", "DE,DE-BE,Berlin",
    "FR,FR-IDF,Paris", "JP,JP-13,Tokyo", "AU,AU-NSW,Sydney", "BR,BR-SP,Sao Paulo"
  };

  /** 198.18.0.0/15 holds 2^14 /29 ranges; a multiplier coprime to that spreads them out. */
  private static final int IPV4_SLOTS = 1 << 14;

  private static final int SPREAD = 4_099;
  private static final long IPV4_BASE = (198L << 24) | (18L << 16);

  private final int size;

  ProxyIpList(int size) {
    this.size = size;
  }

  int size() {
    return size;
  }

  private static boolean ipv6(int range) {
    return range % 4 == 3;
  }

  private static long ipv4Start(int range) {
    int slot = (int) ((long) (range - range / 4) * SPREAD % IPV4_SLOTS);
    return IPV4_BASE + 8L * slot;
  }

  private static String ipv4(long v) {
    return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
  }

  private static String ipv6Prefix(int range) {
    return "2001:db8:"
        + Integer.toHexString(0xa000 + range / 4096)
        + ":"
        + Integer.toHexString(range % 4096);
  }

  /** The list's text: a comment line, then one line per range. */
  byte[] text() {
    StringBuilder sb = new StringBuilder(size * 40);
    sb.append("# synthetic privacy-proxy egress ranges written by reengage generate (")
        .append(size)
        .append(" ranges; documentation and benchmarking address blocks only)\n");
    for (int r = 0; r < size; r++) {
      sb.append(ipv6(r) ? ipv6Prefix(r) + "::/64" : ipv4(ipv4Start(r)) + "/29")
          .append(',')
          .append(PLACES[r % PLACES.length])
          .append(",\n");
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes an address inside range {@code hash mod size}, another host for another hash. */
  void writeAddressIn(long hash, ByteSink out) {
    int range = (int) Math.floorMod(hash, (long) size);
    int host = 1 + (int) Math.floorMod(hash >>> 20, 6L);
    if (ipv6(range)) {
      out.raw(ByteSink.ascii(ipv6Prefix(range) + "::" + Integer.toHexString(host)));
    } else {
      out.raw(ByteSink.ascii(ipv4(ipv4Start(range) + host)));
    }
  }
}
