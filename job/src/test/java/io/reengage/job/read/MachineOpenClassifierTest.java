package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineOpenClassifierTest {

  /** Two hand-picked addresses stand in for a range list. */
  static final IpRangeMatcher APPLE = ip -> "17.58.0.1".equals(ip) || "2a02:26f7::1".equals(ip);

  @Test
  void userAgentOnly_theExactProxyAgentIsAMachine() {
    MachineOpenClassifier c = MachineOpenClassifier.userAgentOnly();
    assertThat(c.isMachineOpen("Mozilla/5.0", null, null)).isTrue();
    assertThat(c.isMachineOpen("Mozilla/5.0", "198.51.100.7", null)).isTrue();
    assertThat(c.isMachineOpen("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)", "17.58.0.1", null))
        .isFalse();
    assertThat(c.isMachineOpen("mozilla/5.0", null, null)).isFalse();
    assertThat(c.isMachineOpen(" Mozilla/5.0", null, null)).isFalse();
    assertThat(c.isMachineOpen(null, "17.58.0.1", null)).isFalse();
  }

  @Test
  void withRanges_theAgentMustComeFromARange() {
    MachineOpenClassifier c = MachineOpenClassifier.withIpRanges(APPLE);
    assertThat(c.isMachineOpen("Mozilla/5.0", "17.58.0.1", null)).isTrue();
    assertThat(c.isMachineOpen("Mozilla/5.0", "2a02:26f7::1", null)).isTrue();
    assertThat(c.isMachineOpen("Mozilla/5.0", "198.51.100.7", null)).isFalse();
    assertThat(c.isMachineOpen("Mozilla/5.0", null, null)).isFalse();
    assertThat(c.isMachineOpen("Thunderbird", "17.58.0.1", null)).isFalse();
  }

  @Test
  void sesBotFlag_likelyIsAMachineWhateverTheAgent() {
    for (MachineOpenClassifier c :
        new MachineOpenClassifier[] {
          MachineOpenClassifier.userAgentOnly(), MachineOpenClassifier.withIpRanges(APPLE)
        }) {
      assertThat(c.isMachineOpen("Outlook", "198.51.100.7", "Likely")).isTrue();
      assertThat(c.isMachineOpen(null, null, "Likely")).isTrue();
      assertThat(c.isMachineOpen("Outlook", "198.51.100.7", "Unlikely")).isFalse();
      assertThat(c.isMachineOpen("Outlook", "198.51.100.7", "likely")).isFalse();
    }
  }
}
