package io.reengage.job.read;

import java.io.Serializable;

/**
 * Says whether an IP address (IPv4 or IPv6, as written in an event) lies in a set of address
 * ranges, such as the egress ranges of Apple's mail privacy proxies. Implementations must be fast
 * (called once per open) and safe to ship to Spark's executors.
 */
public interface IpRangeMatcher extends Serializable {

  /** True when {@code ip} parses and lies in one of the ranges; false for null or unparseable. */
  boolean contains(String ip);
}
