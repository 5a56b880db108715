package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.summary.RunSummary;
import io.reengage.orchestrator.summary.SummaryReader;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads a run's summary.json. Input {@code {"summaryUri": "s3://.../summary.json"}}; output the
 * counts of {@link RunSummary}.
 */
public final class ReadSummaryHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final SummaryReader reader;

  public ReadSummaryHandler() {
    this(AwsClients.s3());
  }

  public ReadSummaryHandler(S3Client s3) {
    this.reader = new SummaryReader(s3);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    String summaryUri = Inputs.required(input, "summaryUri", "ReadSummary");
    RunSummary summary = reader.read(summaryUri);
    context
        .getLogger()
        .log(
            "Run summary "
                + summaryUri
                + ": asOf="
                + summary.asOf()
                + " records="
                + summary.records()
                + " addresses="
                + summary.addresses()
                + " unengaged="
                + summary.unengaged()
                + " outputFiles="
                + summary.outputFiles()
                + " outputBytes="
                + summary.outputBytes());
    return summary.toMap();
  }
}
