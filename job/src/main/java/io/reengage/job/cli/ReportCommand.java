package io.reengage.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.job.common.Filesystems;
import io.reengage.job.common.ReengageException;
import io.reengage.job.report.TrendPage;
import io.reengage.job.write.OutputPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reengage report}: the trend over many segment runs, as one HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draws the segment's size and share per as-of date over many segment runs into one"
          + " self-contained HTML page (each run's own page is its OUT/report.html).",
      "",
      "Each --summaries URI is a summary.json, or a folder searched (recursively) for them: for"
          + " example the runs/ prefix of the workflow's bucket, or a local folder of backfill outputs.",
      ""
    })
final class ReportCommand implements Callable<Integer> {

  @Option(
      names = "--summaries",
      required = true,
      arity = "1..*",
      paramLabel = "URI",
      description = "summary.json files or folders holding them (local, file:, s3a://, s3://).")
  List<String> summaries;

  @Option(
      names = "--out",
      paramLabel = "URI",
      defaultValue = "reengage-trend.html",
      description = "Where to write the page (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Configuration conf = new Configuration();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> found = new ArrayList<>();
    for (String uri : summaries) {
      try {
        Path root = Filesystems.path(uri);
        FileSystem fs = root.getFileSystem(conf);
        if (fs.getFileStatus(root).isFile()) {
          found.add(read(fs, root, json));
          continue;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
          Path p = files.next().getPath();
          // Staging folders of unfinished runs hold no summary, but skip them anyway.
          if (p.getName().equals(OutputPublisher.SUMMARY_FILE)
              && !p.toString().contains("/_staging-")) {
            found.add(read(fs, p, json));
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new ReengageException(
            "Cannot read --summaries "
                + uri
                + ": "
                + e.getMessage()
                + " (give summary.json files or folders holding them)",
            e);
      }
    }
    if (found.isEmpty()) {
      throw new ReengageException(
          "No summary.json under --summaries "
              + String.join(" ", summaries)
              + " (give the output folders of segment runs)");
    }
    Path target = Filesystems.path(out);
    try {
      FileSystem fs = Filesystems.forOutput(target, conf);
      try (OutputStream o = fs.create(target, true)) {
        o.write(TrendPage.render(found).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new ReengageException(
          "Cannot write --out " + out + ": " + e.getMessage() + " (choose a writable location)", e);
    }
    spec.commandLine()
        .getOut()
        .printf("reengage: trend of %d runs written to %s%n", found.size(), target);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static JsonNode read(FileSystem fs, Path p, ObjectMapper json) throws IOException {
    try (InputStream in = fs.open(p)) {
      JsonNode s = json.readTree(in);
      if (!s.has("asOf") || !s.has("unengaged")) {
        throw new IOException(p + " is not a segment summary (no asOf or unengaged)");
      }
      return s;
    }
  }
}
