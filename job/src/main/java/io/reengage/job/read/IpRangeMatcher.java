package io.reengage.job.read;

import java.io.Serializable;

/**
 * Whether an IP address lies in a set of ranges (for example Apple's iCloud Private Relay egress
 * list). Implementations answer false for anything that is not a valid IP address.
 */
public interface IpRangeMatcher extends Serializable {

  boolean contains(String ip);
}
