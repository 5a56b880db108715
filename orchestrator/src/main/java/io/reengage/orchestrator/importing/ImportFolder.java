package io.reengage.orchestrator.importing;

import io.reengage.orchestrator.aws.S3Location;
import java.util.List;

/**
 * What an import folder holds, as far as Pinpoint's import cares: the CSV files and their total
 * size, and anything else (which Pinpoint would also try to read, since a prefix import takes every
 * object below it, subfolders included).
 *
 * @param otherKeys up to {@link ImportFolderInspector#SAMPLE_KEYS} of the keys that are not CSV
 */
public record ImportFolder(
    S3Location location, long csvFiles, long totalBytes, long otherFiles, List<String> otherKeys) {

  public ImportFolder {
    otherKeys = List.copyOf(otherKeys);
  }
}
