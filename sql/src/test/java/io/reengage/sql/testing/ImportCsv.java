package io.reengage.sql.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the job's import folder back: a minimal RFC 4180 parser, independent of the job's writer.
 */
public final class ImportCsv {

  public static final List<String> HEADER =
      List.of(
          "ChannelType",
          "Id",
          "Address",
          "Attributes.max_delivered_timestamp",
          "Attributes.min_delivered_timestamp",
          "Attributes.last_engagement",
          "Attributes.num_delivered");

  private ImportCsv() {}

  /**
   * Every data row of every {@code *.csv} in the folder (none when it is absent); each file's
   * header is checked.
   */
  public static List<List<String>> rows(Path folder) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return rows;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      if (!file.getFileName().toString().endsWith(".csv")) {
        throw new AssertionError(
            "the import folder holds a file that is not CSV: " + file.getFileName());
      }
      List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
      if (records.isEmpty() || !records.get(0).equals(HEADER)) {
        throw new AssertionError(file.getFileName() + " does not start with the import header");
      }
      for (List<String> r : records.subList(1, records.size())) {
        if (r.size() != HEADER.size()) {
          throw new AssertionError(file.getFileName() + ": a row has " + r.size() + " fields");
        }
        rows.add(r);
      }
    }
    return rows;
  }

  /**
   * RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
   * commas, line breaks and doubled quotes. A final line break is optional.
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    boolean fieldStarted = false;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' && field.length() == 0 && !fieldStarted) {
        fieldStarted = true;
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field");
          }
          char q = text.charAt(i++);
          if (q == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(q);
          }
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          throw new IllegalArgumentException("text after a closing quote at offset " + i);
        }
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        i++;
      } else if (c == '\r' || c == '\n') {
        record.add(field.toString());
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
      } else if (c == '"') {
        throw new IllegalArgumentException("a quote inside an unquoted field at offset " + i);
      } else {
        field.append(c);
        fieldStarted = true;
        i++;
      }
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
