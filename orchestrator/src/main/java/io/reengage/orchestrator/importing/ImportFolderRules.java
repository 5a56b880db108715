package io.reengage.orchestrator.importing;

import java.util.Optional;

/**
 * Decides whether Pinpoint may be pointed at an import folder. Pinpoint fails an import job that
 * exceeds its size limit or meets a file it cannot parse only after minutes of work, and a half
 * imported segment is worse than none, so these are refused before the job is created.
 */
public final class ImportFolderRules {

  /**
   * Pinpoint's documented limit is 1 GB per import job; decimal gigabytes are taken so the check
   * errs on the safe side.
   */
  public static final long MAX_IMPORT_BYTES = 1_000_000_000L;

  private ImportFolderRules() {}

  /** The reason to refuse the folder, or empty when it may be imported. */
  public static Optional<String> refusal(ImportFolder folder) {
    String where = folder.location().uri();
    if (folder.otherFiles() > 0) {
      return Optional.of(
          "Cannot import "
              + where
              + ": the folder holds "
              + folder.otherFiles()
              + " file(s) that are not CSV, e.g. "
              + String.join(", ", folder.otherKeys())
              + " (Pinpoint imports every object under the prefix; point the import at a CSV-only folder)");
    }
    if (folder.csvFiles() == 0) {
      return Optional.of(
          "Cannot import "
              + where
              + ": the folder holds no CSV file"
              + " (the job writes none when no address is unengaged; such runs end before the import)");
    }
    if (folder.totalBytes() > MAX_IMPORT_BYTES) {
      return Optional.of(
          "Cannot import "
              + where
              + ": its "
              + folder.csvFiles()
              + " CSV file(s) hold "
              + folder.totalBytes()
              + " bytes, over Pinpoint's limit of "
              + MAX_IMPORT_BYTES
              + " bytes per import job (ask AWS to raise the quota, or lower the number of addresses per run)");
    }
    return Optional.empty();
  }
}
