package io.reengage.job.read;

import java.util.Objects;

/**
 * Decides whether an open was made by a machine (a mail privacy proxy prefetching the tracking
 * pixel) rather than by a person, as SPEC.md's section "Machine opens" defines it.
 *
 * <p>An open is a machine open when its user agent is exactly {@value #PROXY_USER_AGENT} (and, only
 * when IP ranges are given, its IP address lies in one of them), or when SES marked it with {@code
 * isBotEvent} {@value #BOT_EVENT_LIKELY}. The reader asks only for opens: clicks are never machine
 * events.
 */
public final class MachineOpenClassifier implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The whole user agent Apple's proxy sends when it fetches a pixel: nothing before or after. */
  public static final String PROXY_USER_AGENT = "Mozilla/5.0";

  /** The value of SES's {@code open.isBotEvent} that marks an automated open. */
  public static final String BOT_EVENT_LIKELY = "Likely";

  /** Null when classifying by the user agent alone. */
  private final IpRangeMatcher proxyRanges;

  private MachineOpenClassifier(IpRangeMatcher proxyRanges) {
    this.proxyRanges = proxyRanges;
  }

  /** Classifies by the user agent (and SES's bot flag) alone. */
  public static MachineOpenClassifier userAgentOnly() {
    return new MachineOpenClassifier(null);
  }

  /** Also requires the proxy user agent's open to come from one of the given ranges. */
  public static MachineOpenClassifier withIpRanges(IpRangeMatcher proxyRanges) {
    return new MachineOpenClassifier(Objects.requireNonNull(proxyRanges, "proxyRanges"));
  }

  /**
   * @param userAgent the open's user agent, or null when the record has none
   * @param ipAddress the open's IP address, or null
   * @param isBotEvent SES's {@code open.isBotEvent}, or null (always null for Pinpoint)
   */
  public boolean isMachineOpen(String userAgent, String ipAddress, String isBotEvent) {
    if (BOT_EVENT_LIKELY.equals(isBotEvent)) {
      return true;
    }
    if (!PROXY_USER_AGENT.equals(userAgent)) {
      return false;
    }
    return proxyRanges == null || (ipAddress != null && proxyRanges.contains(ipAddress));
  }

  /** Whether an IP address is needed at all: only with ranges, and only for the proxy agent. */
  boolean needsIpAddress() {
    return proxyRanges != null;
  }

  @Override
  public String toString() {
    return proxyRanges == null ? "user agent only" : "user agent and IP ranges";
  }
}
