package io.reengage.job.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Every address named in a destination array of the event files under a folder, found without the
 * job's reader (a plain pattern over the decompressed bytes), so that a privacy test does not
 * depend on the code it checks.
 */
public final class EventAddresses {

  private static final Pattern DESTINATION =
      Pattern.compile("\"destination\"\\s*:\\s*(\\[[^\\]]*\\])");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventAddresses() {}

  public static List<String> of(Path root) throws IOException {
    TreeSet<String> addresses = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
          try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            bytes = in.readAllBytes();
          } catch (IOException e) {
            continue; // a damaged object: what it holds is not needed here
          }
        }
        Matcher m = DESTINATION.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (m.find()) {
          try {
            for (JsonNode a : JSON.readTree(m.group(1))) {
              if (a.isTextual() && !a.asText().isBlank()) {
                addresses.add(a.asText());
              }
            }
          } catch (IOException e) {
            // not a plain array of strings
          }
        }
      }
    }
    return List.copyOf(addresses);
  }
}
