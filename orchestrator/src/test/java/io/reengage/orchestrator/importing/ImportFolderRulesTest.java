package io.reengage.orchestrator.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.orchestrator.aws.S3Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFolderRulesTest {

  private static final S3Location FOLDER = new S3Location("b", "runs/x/import/");

  @Test
  void csvOnlyFolderAtTheLimit_isAccepted() {
    assertThat(ImportFolderRules.refusal(new ImportFolder(FOLDER, 3, 1_000_000_000L, 0, List.of())))
        .isEmpty();
  }

  @Test
  void oneByteOverTheLimit_isRefused() {
    assertThat(ImportFolderRules.refusal(new ImportFolder(FOLDER, 3, 1_000_000_001L, 0, List.of())))
        .hasValueSatisfying(r -> assertThat(r).contains("1000000001 bytes"));
  }

  @Test
  void emptyFolder_isRefused() {
    assertThat(ImportFolderRules.refusal(new ImportFolder(FOLDER, 0, 0, 0, List.of())))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith(
                        "Cannot import s3://b/runs/x/import/: the folder holds no CSV file"));
  }

  @Test
  void csvSuffixOnly_countsAsCsv() {
    assertThat(ImportFolderInspector.isCsv("import/part-00000.csv")).isTrue();
    assertThat(ImportFolderInspector.isCsv("import/part-00000.csv.crc")).isFalse();
    assertThat(ImportFolderInspector.isCsv("import/part-00000.csv.gz")).isFalse();
    assertThat(ImportFolderInspector.isCsv("import/_SUCCESS")).isFalse();
  }
}
