package io.reengage.job.machineopen;

import io.reengage.job.common.ReengageException;
import io.reengage.job.read.IpRangeMatcher;
import io.reengage.job.read.MachineOpenClassifier;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * How a run tells machine opens apart, loaded once on the driver: the IP ranges of {@code
 * --machine-open-ips} (null without the option) and an identity that rollup markers record.
 *
 * @param ipRanges the list's ranges, or null to classify by user agent alone
 * @param id {@link MachineOpenSettings#classification}: equal ids classify every open alike
 * @param ipListPrefixes how many prefixes the list held (0 without a list)
 */
public record MachineOpenClassification(IpRangeMatcher ipRanges, String id, long ipListPrefixes) {

  /** The reader's classifier: by user agent (and SES's bot flag), and the IP ranges if any. */
  public MachineOpenClassifier classifier() {
    return ipRanges == null
        ? MachineOpenClassifier.userAgentOnly()
        : MachineOpenClassifier.withIpRanges(ipRanges);
  }

  /**
   * Reads the IP list of {@code settings}, if any.
   *
   * @throws ReengageException when the list cannot be read or a line holds no valid prefix
   */
  public static MachineOpenClassification load(MachineOpenSettings settings, Configuration conf) {
    if (settings.ipListUri() == null) {
      return new MachineOpenClassification(null, MachineOpenSettings.classification(null), 0);
    }
    try {
      EgressIpList list = EgressIpList.load(settings.ipListUri(), conf);
      return new MachineOpenClassification(
          list.table(), MachineOpenSettings.classification(list.sha256()), list.prefixes());
    } catch (IllegalArgumentException e) {
      throw new ReengageException(
          "Invalid --machine-open-ips " + settings.ipListUri() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new ReengageException(
          "Cannot read --machine-open-ips "
              + settings.ipListUri()
              + ": "
              + e.getMessage()
              + " (check the path or S3 URI; Apple's list is at"
              + " https://mask-api.icloud.com/egress-ip-ranges.csv)",
          e);
    }
  }
}
