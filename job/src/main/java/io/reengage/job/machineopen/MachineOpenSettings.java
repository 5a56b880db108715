package io.reengage.job.machineopen;

import io.reengage.job.rules.MachineOpenMode;

/**
 * The machine-open options of a run: what the rules do with machine opens, and the IP list (if any)
 * that an open's address must be in, besides its {@code Mozilla/5.0} user agent, to be one.
 *
 * @param mode count (the query's behaviour) or ignore
 * @param ipListUri local path or S3 URI of a list in Apple's egress-ip-ranges.csv format, or null
 *     to classify by user agent (and SES's bot flag) alone
 */
public record MachineOpenSettings(MachineOpenMode mode, String ipListUri) {

  /** The defaults: count machine opens, no IP list. Earlier results stay byte for byte. */
  public static final MachineOpenSettings DEFAULTS =
      new MachineOpenSettings(MachineOpenMode.COUNT, null);

  public MachineOpenSettings {
    if (mode == null) {
      throw new IllegalArgumentException("Invalid --machine-opens: use count or ignore");
    }
    if (ipListUri != null && ipListUri.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid --machine-open-ips: empty (give the path or S3 URI of an IP range list, such as"
              + " Apple's egress-ip-ranges.csv, or leave the option out)");
    }
  }

  /**
   * What decided which opens are machine opens, as recorded in rollup markers: a day rolled up
   * under another classification is read raw instead.
   *
   * @param ipListSha256 the SHA-256 of the IP list's bytes, or null without a list
   */
  public static String classification(String ipListSha256) {
    return ipListSha256 == null ? "user-agent" : "user-agent+ip-list:sha256:" + ipListSha256;
  }
}
