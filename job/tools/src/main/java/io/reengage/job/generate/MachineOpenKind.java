package io.reengage.job.generate;

/**
 * The kinds of machine open the generator writes (Apple Mail Privacy Protection: Apple's proxy
 * fetches with user agent exactly {@code Mozilla/5.0} from its published egress addresses).
 * Classified without an IP list, all three are machine opens; with the generated list, {@link
 * #MOZILLA_OUTSIDE_LIST} is not.
 */
enum MachineOpenKind {
  /** Apple's privacy proxy: user agent exactly {@code Mozilla/5.0}, an IP in the proxy list. */
  APPLE_PROXY,
  /** User agent exactly {@code Mozilla/5.0} from an address the proxy list does not hold. */
  MOZILLA_OUTSIDE_LIST,
  /** SES only: {@code open.isBotEvent} is {@code Likely}, with a browser's user agent. */
  BOT_FLAG
}
