package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.reengage.contract.summary.RunSummary;
import io.reengage.contract.summary.WorkflowSummary;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.summary.SummaryReader;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads a run's summary.json. Input {@code {"summaryUri": "s3://.../summary.json"}}; output the
 * part of it the workflow acts on, {@link WorkflowSummary}.
 */
public final class ReadSummaryHandler
    extends JsonHandler<ReadSummaryHandler.Input, WorkflowSummary> {

  /** The state's payload. */
  public record Input(String summaryUri) {}

  private final SummaryReader reader;

  public ReadSummaryHandler() {
    this(AwsClients.s3());
  }

  public ReadSummaryHandler(S3Client s3) {
    super(Input.class, WorkflowSummary.class);
    this.reader = new SummaryReader(s3);
  }

  @Override
  public WorkflowSummary handle(Input input, Context context) {
    String summaryUri =
        Inputs.required(input == null ? null : input.summaryUri(), "summaryUri", "ReadSummary");
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
    return WorkflowSummary.of(summary);
  }
}
