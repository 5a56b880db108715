package io.reengage.job.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads an import folder back for assertions: the files in it, and its data lines. */
public final class ImportFolder {

  public static final String HEADER =
      "ChannelType,Id,Address,Attributes.max_delivered_timestamp,"
          + "Attributes.min_delivered_timestamp,Attributes.last_engagement,Attributes.num_delivered";

  private ImportFolder() {}

  public static List<String> fileNames(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Every data line of every part file, sorted; checks each file starts with the header. Lines are
   * split on LF only, so a quoted CR inside a field stays in its row.
   */
  public static List<String> sortedRows(Path folder) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String name : fileNames(folder)) {
      String text = Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      if (!lines[0].equals(HEADER)) {
        throw new AssertionError(name + " does not start with the import header");
      }
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty()) {
          rows.add(lines[i]);
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  /** Data lines of a hand-written expected CSV file, sorted. */
  public static List<String> expectedRows(Path csv) throws IOException {
    List<String> lines =
        new ArrayList<>(List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\n", -1)));
    if (!lines.remove(0).equals(HEADER)) {
      throw new AssertionError(csv + " does not start with the import header");
    }
    lines.removeIf(String::isEmpty);
    lines.sort(null);
    return lines;
  }
}
