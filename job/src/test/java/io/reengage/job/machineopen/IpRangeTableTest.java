package io.reengage.job.machineopen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Range boundaries worked out by hand from each prefix's length. */
class IpRangeTableTest {

  private static IpRangeTable table(String... prefixes) {
    IpRangeTable.Builder b = new IpRangeTable.Builder();
    for (String p : prefixes) {
      b.add(p);
    }
    return b.build();
  }

  @Test
  void ipv4Prefix_containsExactlyItsAddresses() {
    // /27 = 32 addresses: .0 to .31
    IpRangeTable t = table("172.224.226.0/27");
    assertThat(t.contains("172.224.226.0")).isTrue();
    assertThat(t.contains("172.224.226.31")).isTrue();
    assertThat(t.contains("172.224.226.32")).isFalse();
    assertThat(t.contains("172.224.225.255")).isFalse();
  }

  @Test
  void slash32_isOneHost() {
    IpRangeTable t = table("17.0.0.1/32");
    assertThat(t.contains("17.0.0.1")).isTrue();
    assertThat(t.contains("17.0.0.0")).isFalse();
    assertThat(t.contains("17.0.0.2")).isFalse();
  }

  @Test
  void bareAddress_isOneHost() {
    IpRangeTable t = table("17.0.0.1", "2001:db8::1");
    assertThat(t.contains("17.0.0.1")).isTrue();
    assertThat(t.contains("17.0.0.2")).isFalse();
    assertThat(t.contains("2001:db8::1")).isTrue();
    assertThat(t.contains("2001:db8::2")).isFalse();
  }

  @Test
  void slash0_ipv4_coversEveryIpv4AddressButNoIpv6() {
    IpRangeTable t = table("0.0.0.0/0");
    assertThat(t.contains("0.0.0.0")).isTrue();
    assertThat(t.contains("255.255.255.255")).isTrue();
    assertThat(t.contains("2001:db8::1")).isFalse();
  }

  @Test
  void slash0_ipv6_coversEveryIpv6Address() {
    IpRangeTable t = table("::/0");
    assertThat(t.contains("::")).isTrue();
    assertThat(t.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(t.contains("1.2.3.4")).isFalse();
  }

  @Test
  void ipv6Slash64_boundaries() {
    IpRangeTable t = table("2a02:26f7:b3c0:4000::/64");
    assertThat(t.contains("2a02:26f7:b3c0:4000::")).isTrue();
    assertThat(t.contains("2a02:26f7:b3c0:4000:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(t.contains("2A02:26F7:B3C0:4000:0:0:0:1")).isTrue();
    assertThat(t.contains("2a02:26f7:b3c0:4001::")).isFalse();
    assertThat(t.contains("2a02:26f7:b3c0:3fff:ffff:ffff:ffff:ffff")).isFalse();
  }

  @Test
  void ipv6PrefixInsideTheHighHalf_slash33() {
    // 2001:db8::/33 ends at 2001:db8:7fff:ffff:ffff:ffff:ffff:ffff
    IpRangeTable t = table("2001:db8::/33");
    assertThat(t.contains("2001:db8:7fff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(t.contains("2001:db8:8000::")).isFalse();
    assertThat(t.contains("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
  }

  @Test
  void ipv6PrefixInsideTheLowHalf_slash120() {
    // 2001:db8::100/120 = 2001:db8::100 to 2001:db8::1ff
    IpRangeTable t = table("2001:db8::100/120");
    assertThat(t.contains("2001:db8::100")).isTrue();
    assertThat(t.contains("2001:db8::1ff")).isTrue();
    assertThat(t.contains("2001:db8::200")).isFalse();
    assertThat(t.contains("2001:db8::ff")).isFalse();
  }

  @Test
  void slash128_isOneHost_inAnySpelling() {
    IpRangeTable t = table("2001:db8::1/128");
    assertThat(t.contains("2001:db8::1")).isTrue();
    assertThat(t.contains("2001:0db8:0000:0000:0000:0000:0000:0001")).isTrue();
    assertThat(t.contains("2001:db8::")).isFalse();
    assertThat(t.contains("2001:db8::2")).isFalse();
  }

  @Test
  void ipv4MappedIpv6_isLookedUpAsTheIpv4AddressItNames() {
    IpRangeTable t = table("17.0.0.0/8");
    // 17.1.2.3 = 0x11010203
    assertThat(t.contains("::ffff:17.1.2.3")).isTrue();
    assertThat(t.contains("::ffff:1101:203")).isTrue();
    assertThat(t.contains("::ffff:18.0.0.0")).isFalse();
    // Not mapped (the ::ffff prefix is what marks it): a different IPv6 address.
    assertThat(t.contains("::17.1.2.3")).isFalse();
  }

  @Test
  void ipv4MappedPrefix_isStoredAsTheIpv4Prefix() {
    // ::ffff:17.0.0.0/104 names 17.0.0.0/8
    IpRangeTable t = table("::ffff:17.0.0.0/104");
    assertThat(t.contains("17.255.255.255")).isTrue();
    assertThat(t.contains("18.0.0.0")).isFalse();
    assertThat(t.ipv4Ranges()).isEqualTo(1);
    assertThat(t.ipv6Ranges()).isZero();
  }

  @Test
  void hostBitsOfAPrefix_areIgnored() {
    IpRangeTable t = table("10.1.2.3/8");
    assertThat(t.contains("10.0.0.0")).isTrue();
    assertThat(t.contains("10.255.255.255")).isTrue();
    assertThat(t.contains("11.0.0.0")).isFalse();
  }

  @Test
  void adjacentAndOverlappingRanges_merge() {
    IpRangeTable t =
        table(
            "10.0.0.128/25",
            "10.0.0.0/25",
            "10.1.0.0/16",
            "10.0.0.0/8",
            "2001:db8::/64",
            "2001:db8:0:1::/64",
            "2001:db8::/48");
    assertThat(t.ipv4Ranges()).isEqualTo(1);
    assertThat(t.ipv6Ranges()).isEqualTo(1);
    assertThat(t.contains("10.200.0.1")).isTrue();
    assertThat(t.contains("2001:db8:0:ffff::1")).isTrue();
    assertThat(t.contains("2001:db9::")).isFalse();
  }

  @Test
  void topOfTheAddressSpace_mergesWithoutOverflow() {
    IpRangeTable t = table("ffff:ffff:ffff:ffff::/64", "ffff:ffff:ffff:fffe::/64", "::/128");
    assertThat(t.ipv6Ranges()).isEqualTo(2);
    assertThat(t.contains("ffff:ffff:ffff:fffe::5")).isTrue();
    assertThat(t.contains("::")).isTrue();
    assertThat(t.contains("::1")).isFalse();
  }

  @Test
  void malformedAddresses_areNeverContained() {
    IpRangeTable t = table("0.0.0.0/0", "::/0");
    for (String bad :
        new String[] {
          "",
          "   ",
          "unknown",
          "localhost",
          "1.2.3",
          "1.2.3.4.5",
          "256.1.1.1",
          "1.2.3.-4",
          "1.2.3.4/32",
          "1..2.3",
          "2001:db8::1::2",
          "2001:db8::1%eth0",
          "1:2:3:4:5:6:7:8:9",
          "1:2:3:4:5:6:7",
          "12345::",
          ":1::",
          "1:",
          "g::1"
        }) {
      assertThat(t.contains(bad)).as(bad).isFalse();
    }
    assertThat(t.contains(null)).isFalse();
  }

  @Test
  void emptyTable_containsNothing() {
    IpRangeTable t = new IpRangeTable.Builder().build();
    assertThat(t.contains("1.2.3.4")).isFalse();
    assertThat(t.contains("::1")).isFalse();
  }

  @Test
  void tensOfThousandsOfRanges_eachBoundaryFound() {
    // 40,000 /28 blocks of 16 addresses, every other block: block k starts at 10.0.0.0 + 32k.
    IpRangeTable.Builder b = new IpRangeTable.Builder();
    for (int k = 0; k < 40_000; k++) {
      long start = 0x0A000000L + 32L * k;
      b.add(
          ((start >> 24) & 255)
              + "."
              + ((start >> 16) & 255)
              + "."
              + ((start >> 8) & 255)
              + "."
              + (start & 255)
              + "/28");
    }
    IpRangeTable t = b.build();
    assertThat(t.ipv4Ranges()).isEqualTo(40_000);
    // block 0: 10.0.0.0-15; gap 10.0.0.16-31; block 1: 10.0.0.32-47
    assertThat(t.contains("10.0.0.0")).isTrue();
    assertThat(t.contains("10.0.0.15")).isTrue();
    assertThat(t.contains("10.0.0.16")).isFalse();
    assertThat(t.contains("10.0.0.32")).isTrue();
    // last block k=39999 starts at 10.0.0.0 + 1,279,968 (= 19 * 65536 + 135 * 256 + 224)
    assertThat(t.contains("10.19.135.224")).isTrue();
    assertThat(t.contains("10.19.135.239")).isTrue();
    assertThat(t.contains("10.19.135.240")).isFalse();
    assertThat(t.contains("9.255.255.255")).isFalse();
  }

  @Test
  void badPrefixes_sayWhy() {
    assertThatThrownBy(() -> new IpRangeTable.Builder().add("1.2.3.4/33"))
        .hasMessageContaining("prefix length '33'");
    assertThatThrownBy(() -> new IpRangeTable.Builder().add("2001:db8::/129"))
        .hasMessageContaining("from 0 to 128");
    assertThatThrownBy(() -> new IpRangeTable.Builder().add("1.2.3/24"))
        .hasMessageContaining("'1.2.3' is not an IPv4 or IPv6 address");
    assertThatThrownBy(() -> new IpRangeTable.Builder().add("10.0.0.0/x"))
        .hasMessageContaining("prefix length 'x'");
  }

  @Test
  void survivesJavaSerialization_asSparkShipsIt() throws Exception {
    IpRangeTable t = table("17.0.0.0/8", "2001:db8::/32");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    IpRangeTable copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (IpRangeTable) in.readObject();
    }
    assertThat(copy.contains("17.9.9.9")).isTrue();
    assertThat(copy.contains("2001:db8:ffff::")).isTrue();
    assertThat(copy.contains("18.0.0.0")).isFalse();
  }
}
