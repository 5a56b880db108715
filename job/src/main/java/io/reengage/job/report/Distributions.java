package io.reengage.job.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in the segment, as counts: the funnel of rule 6, three histograms and the domains. Written
 * to {@code summary.json} under {@code distributions} and drawn by {@code report.html}.
 *
 * @param funnel addresses, then those passing each test of rule 6 in turn; the last is the segment
 * @param deliveriesPerUnengaged counted deliveries of each unengaged address
 * @param daysSinceLastDeliveryUnengaged as-of date minus the (UTC) day of the latest delivery
 * @param daysSinceLastEngagementEngaged for addresses with an engagement in its window, as-of date
 *     minus the day of the latest one: the closer to the window's length, the closer to lapsing
 * @param topDomains the domains with the most addresses (at most {@link #TOP_DOMAINS})
 * @param otherDomains every other domain together
 */
public record Distributions(
    Funnel funnel,
    Histogram deliveriesPerUnengaged,
    Histogram daysSinceLastDeliveryUnengaged,
    Histogram daysSinceLastEngagementEngaged,
    List<DomainCounts> topDomains,
    DomainCounts otherDomains) {

  public static final int TOP_DOMAINS = 15;

  public Distributions {
    topDomains = List.copyOf(topDomains);
  }

  /**
   * @param addresses every usable address with a row in the windows
   * @param minDelivered with at least the minimum of deliveries
   * @param firstDeliveryBeforeEngagementWindow and a first delivery before the engagement window
   * @param unengaged and no engagement: the segment
   * @param engaged addresses with an engagement in its window (whatever their deliveries)
   */
  public record Funnel(
      long addresses,
      long minDelivered,
      long firstDeliveryBeforeEngagementWindow,
      long unengaged,
      long engaged) {

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("addresses", addresses);
      m.put("minDelivered", minDelivered);
      m.put("firstDeliveryBeforeEngagementWindow", firstDeliveryBeforeEngagementWindow);
      m.put("unengaged", unengaged);
      m.put("engaged", engaged);
      return m;
    }
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("funnel", funnel.toMap());
    m.put("deliveriesPerUnengaged", deliveriesPerUnengaged.toList());
    m.put("daysSinceLastDeliveryUnengaged", daysSinceLastDeliveryUnengaged.toList());
    m.put("daysSinceLastEngagementEngaged", daysSinceLastEngagementEngaged.toList());
    List<Map<String, Object>> domains = new ArrayList<>();
    topDomains.forEach(d -> domains.add(d.toMap()));
    if (otherDomains.domains() > 0) {
      domains.add(otherDomains.toMap());
    }
    m.put("domains", domains);
    return m;
  }
}
