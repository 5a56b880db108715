package io.reengage.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pinpoint output for a seed must not change when the generator learns new sources and options:
 * benchmark sets and stored expectations elsewhere rely on it. The digest below was taken from the
 * generator as it was before SES, machine opens and the volume factor existed (commit 3f1d601),
 * over every object's path and its content after gunzip (gzip bytes depend on the zlib build).
 */
class PinpointOutputUnchangedTest {

  static final String DIGEST_BEFORE_SES =
      "58ea65a393aa978ac674970b76e63f1528bfc49ce9022bbd8ee54511360ef562";

  @TempDir Path tmp;

  @Test
  void defaultSource_shouldWriteWhatTheGeneratorWroteBeforeSesExisted() throws IOException {
    GeneratorSettings settings =
        GeneratorSettings.builder(LocalDate.of(2026, 8, 31))
            .days(20)
            .addresses(400)
            .eventsPerDay(300)
            .seed(11)
            .duplicateRate(0.02)
            .lateRate(0.03)
            .edgeCases(true)
            .build();
    new EventGenerator(settings).threads(2).generate(tmp);

    assertThat(digest(StoredData.read(tmp))).isEqualTo(DIGEST_BEFORE_SES);
  }

  static String digest(StoredData data) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (StoredData.StoredObject o : data.objects) {
        sha.update(o.path().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(o.content());
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
