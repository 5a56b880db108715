package io.reengage.job.generate;

/**
 * Derives independent, reproducible seeds from the run's seed and a few coordinates (a salt naming
 * the purpose, a day, an address, an object index). Every random choice in the generator starts
 * from such a derived seed, so the output depends only on the settings and never on thread
 * scheduling or on the order work is done in.
 */
final class Seeds {

  static final long ADDRESS = 0x41444452L;
  static final long DAY = 0x44415953L;
  static final long OBJECT = 0x4f424a53L;
  static final long ENDPOINT = 0x454e4450L;
  static final long EDGE = 0x45444745L;
  static final long PROJECT = 0x50524f4aL;

  private Seeds() {}

  /**
   * SplitMix64's finaliser: a bijection with good avalanche, so nearby inputs give unrelated
   * outputs.
   */
  static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long mix(long seed, long salt, long coordinate) {
    return fmix(fmix(seed * 0x9e3779b97f4a7c15L + salt) + coordinate);
  }
}
