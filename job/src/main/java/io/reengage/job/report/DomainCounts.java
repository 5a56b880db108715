package io.reengage.job.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Addresses and unengaged addresses of one recipient domain (lower-cased), or of the "other"
 * domains together. Never an address or a local part.
 *
 * @param domain the domain, {@link #NO_DOMAIN} for addresses without one, or {@link #OTHER}
 * @param domains how many domains the row stands for (1, except for {@link #OTHER})
 */
public record DomainCounts(String domain, long domains, long addresses, long unengaged) {

  public static final String OTHER = "(other)";
  public static final String NO_DOMAIN = "(no domain)";

  /** The unengaged share of the domain's addresses, 0 for none. */
  public double share() {
    return addresses == 0 ? 0 : (double) unengaged / addresses;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("domain", domain);
    if (OTHER.equals(domain)) {
      m.put("domains", domains);
    }
    m.put("addresses", addresses);
    m.put("unengaged", unengaged);
    return m;
  }
}
