package io.reengage.job.generate;

/**
 * Decides which opens are machine opens, and of what kind: each open independently, with
 * probability {@code machineOpenShare}, from a hash of its own detail seed (so the choice is
 * deterministic, and with a share of 0 nothing else about a record changes). Of the machine opens,
 * most are Apple's proxy ({@code Mozilla/5.0} from a listed range); a tenth are {@code Mozilla/5.0}
 * from elsewhere; and a tenth of SES's carry {@code isBotEvent: "Likely"} instead (for Pinpoint
 * records, which have no such flag, those are Apple's too).
 */
final class MachineOpens {

  static final double OUTSIDE_LIST_SHARE = 0.10;
  static final double BOT_FLAG_SHARE = 0.10;

  private static final long SALT = 0x4d4f50454e53L;

  private final double share;
  private final ProxyIpList ranges;

  MachineOpens(GeneratorSettings settings) {
    this.share = settings.machineOpenShare();
    this.ranges = new ProxyIpList(settings.machineOpenRanges());
  }

  ProxyIpList ranges() {
    return ranges;
  }

  /** The machine-open kind of {@code e}, or null for an ordinary record. */
  MachineOpenKind kind(PlannedEvent e) {
    if (e.type != EventType.OPEN) {
      return null;
    }
    if (e.variant != null && e.variant.machine() != null) {
      return e.variant.machine();
    }
    // Edge cases state their expectations by hand: only the ones that ask are machine opens.
    if (share <= 0 || e.edge) {
      return null;
    }
    long h = Seeds.fmix(e.detailSeed ^ SALT);
    if (unit(h) >= share) {
      return null;
    }
    double which = unit(Seeds.fmix(h));
    if (which < OUTSIDE_LIST_SHARE) {
      return MachineOpenKind.MOZILLA_OUTSIDE_LIST;
    }
    if (which < OUTSIDE_LIST_SHARE + BOT_FLAG_SHARE && e.message.ses) {
      return MachineOpenKind.BOT_FLAG;
    }
    return MachineOpenKind.APPLE_PROXY;
  }

  /** A hash for picking the proxy address of an open. */
  static long addressHash(PlannedEvent e) {
    return Seeds.fmix(e.detailSeed ^ (SALT + 1));
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }
}
