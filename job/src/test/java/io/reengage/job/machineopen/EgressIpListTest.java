package io.reengage.job.machineopen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressIpListTest {

  /** Lines in the shape of Apple's egress-ip-ranges.csv, with a comment and blank lines. */
  static final String APPLE_STYLE =
      "# iCloud Private Relay egress ranges\n"
          + "172.224.226.0/27,GB,GB-EN,London,\n"
          + "\n"
          + "2a02:26f7:b3c0:4000::/64,GB,GB-EN,London,\r\n"
          + "   \n"
          + "104.28.0.0/24,US,US-CA,Los Angeles,\n";

  @Test
  void readsTheFirstColumn_skippingCommentsAndBlankLines() throws Exception {
    EgressIpList.Parsed p = EgressIpList.parse(new StringReader(APPLE_STYLE));
    assertThat(p.prefixes()).isEqualTo(3);
    assertThat(p.table().contains("172.224.226.31")).isTrue();
    assertThat(p.table().contains("172.224.226.32")).isFalse();
    assertThat(p.table().contains("2a02:26f7:b3c0:4000::abcd")).isTrue();
    assertThat(p.table().contains("104.28.0.255")).isTrue();
    assertThat(p.table().contains("104.28.1.0")).isFalse();
  }

  @Test
  void aBadPrefix_namesItsLine() {
    String text = "# header\n17.0.0.0/8,US,,,\nLondon,GB,GB-EN,London,\n";
    assertThatThrownBy(() -> EgressIpList.parse(new StringReader(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 3: 'London' is not an IPv4 or IPv6 address");
  }

  @Test
  void load_readsThroughHadoop_andHashesTheBytes(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    EgressIpList list = EgressIpList.load(empty.toString(), new Configuration());
    assertThat(list.prefixes()).isZero();
    // SHA-256 of no bytes, a published constant.
    assertThat(list.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    Path apple = dir.resolve("egress-ip-ranges.csv");
    Files.writeString(apple, APPLE_STYLE, StandardCharsets.UTF_8);
    EgressIpList loaded = EgressIpList.load(apple.toUri().toString(), new Configuration());
    assertThat(loaded.prefixes()).isEqualTo(3);
    assertThat(loaded.table().contains("172.224.226.1")).isTrue();
    assertThat(loaded.sha256()).hasSize(64).isNotEqualTo(list.sha256());
  }
}
