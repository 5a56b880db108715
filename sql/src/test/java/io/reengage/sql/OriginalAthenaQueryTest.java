package io.reengage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reengage.sql.testing.QueryTexts;
import io.reengage.sql.testing.SqlTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The committed original is the seed README's Athena query, unchanged but for white space. */
class OriginalAthenaQueryTest {

  /**
   * SHA-256 of the seed README's query with every run of white space made one space and the ends
   * trimmed, taken from the seed itself, so machines without the seed (CI may not have it) still
   * catch an edit.
   */
  static final String SEED_QUERY_SHA256 =
      "a5181733e60c107dd4a11b32a75d2734c12f51580e9edcd205687639579b94e7";

  static final String ORIGINAL = QueryTexts.read(QueryTexts.ORIGINAL);

  @Test
  void matchesTheSeedReadme_whiteSpaceAside() throws Exception {
    Optional<String> seed = QueryTexts.seedQuery();
    assumeTrue(
        seed.isPresent(),
        "seed README not found at "
            + QueryTexts.seedReadme()
            + "; the pinned hash test still runs");
    assertThat(SqlTokens.of(ORIGINAL)).isEqualTo(SqlTokens.of(seed.get()));
    assertThat(normalised(ORIGINAL)).isEqualTo(normalised(seed.get()));
  }

  @Test
  void matchesThePinnedHashOfTheSeedQuery() throws Exception {
    assertThat(sha256(normalised(ORIGINAL))).isEqualTo(SEED_QUERY_SHA256);
  }

  @Test
  void aOneCharacterEdit_changesTheHash() throws Exception {
    assertThat(sha256(normalised(ORIGINAL.replace("> 5", "> 4")))).isNotEqualTo(SEED_QUERY_SHA256);
  }

  @Test
  void keepsTheDeploymentTablePlaceholder_andCurrentDate() {
    assertThat(ORIGINAL).contains("FROM " + QueryTexts.ORIGINAL_TABLE).doesNotContain("${");
    assertThat(ORIGINAL.split("current_date", -1)).hasSize(4);
  }

  static String normalised(String sql) {
    return String.join(" ", sql.strip().split("\\s+"));
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
