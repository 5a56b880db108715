package io.reengage.job.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.contract.Redaction;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.SummaryJson;
import io.reengage.job.write.OutputPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a segment run's {@code report.html} into its staging folder, to be published with it. */
public final class ReportFile {

  private static final Logger LOG = LoggerFactory.getLogger(ReportFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFile() {}

  /**
   * Renders and stages the report, and builds the summary with its final location. The report is an
   * aid, the import the product: a report that cannot be drawn is logged and left out (the summary
   * then has no {@code reportUri}), and the run still publishes its import.
   */
  public static RunSummary stage(OutputPublisher publisher, RunSummary.Builder summary) {
    try {
      RunSummary withReport = summary.reportUri(publisher.reportFile().toString()).build();
      String html = ReportPage.render(JSON.readTree(SummaryJson.write(withReport)));
      publisher.stageReport(html.getBytes(StandardCharsets.UTF_8));
      return withReport;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "The report could not be written ({}); publishing the import without it",
          Redaction.redact(e.toString()));
      return summary.reportUri(null).build();
    }
  }
}
