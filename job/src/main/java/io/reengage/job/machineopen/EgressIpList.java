package io.reengage.job.machineopen;

import io.reengage.job.common.Filesystems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a list of IP ranges in the format of Apple's iCloud Private Relay egress list ({@code
 * https://mask-api.icloud.com/egress-ip-ranges.csv}): one range per line, {@code
 * prefix,country,region,city,}, of which only the first column (an IPv4 or IPv6 CIDR prefix) is
 * used. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>The list's identity is the SHA-256 of its bytes: rollups record it, because the list decides
 * which opens are machine opens.
 *
 * @param table the ranges
 * @param sha256 hex SHA-256 of the file's bytes
 * @param prefixes how many prefix lines were read
 */
public record EgressIpList(IpRangeTable table, String sha256, long prefixes) {

  /**
   * Reads the list from a local path, {@code file:}, {@code s3a://} or {@code s3://} URI.
   *
   * @throws IllegalArgumentException for a line that holds no valid prefix, with its line number
   * @throws IOException when the file cannot be read
   */
  public static EgressIpList load(String uri, Configuration conf) throws IOException {
    Path path = Filesystems.path(uri);
    FileSystem fs = path.getFileSystem(conf);
    MessageDigest sha = newDigest();
    try (InputStream in = new DigestInputStream(fs.open(path), sha)) {
      Parsed parsed = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new EgressIpList(
          parsed.table(), HexFormat.of().formatHex(sha.digest()), parsed.prefixes());
    }
  }

  /** The table and prefix count of the list's text. */
  record Parsed(IpRangeTable table, long prefixes) {}

  /**
   * Parses the list's text.
   *
   * @throws IllegalArgumentException naming the line number and why its first column is not a
   *     prefix
   */
  static Parsed parse(Reader text) throws IOException {
    IpRangeTable.Builder builder = new IpRangeTable.Builder();
    BufferedReader lines = new BufferedReader(text);
    long lineNumber = 0;
    long prefixes = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int comma = trimmed.indexOf(',');
      String prefix = comma < 0 ? trimmed : trimmed.substring(0, comma);
      try {
        builder.add(prefix);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line "
                + lineNumber
                + ": "
                + e.getMessage()
                + " (each line must start with an IPv4 or IPv6 prefix such as 172.224.226.0/27,"
                + " as in Apple's egress-ip-ranges.csv)",
            e);
      }
      prefixes++;
    }
    return new Parsed(builder.build(), prefixes);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
