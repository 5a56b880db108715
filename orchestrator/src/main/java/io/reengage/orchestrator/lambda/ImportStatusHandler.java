package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.importing.ImportProgress;
import io.reengage.orchestrator.importing.ImportProgressReader;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/**
 * Reports an import job's status. Input {@code {"importJobId"}}; setting {@code
 * PINPOINT_APPLICATION_ID}; output {@link ImportProgress}.
 */
public final class ImportStatusHandler
    extends JsonHandler<ImportStatusHandler.Input, ImportProgress> {

  /** The state's payload. */
  public record Input(String importJobId) {}

  private final ImportProgressReader reader;
  private final Settings settings;

  public ImportStatusHandler() {
    this(AwsClients.pinpoint(), Settings.fromEnvironment());
  }

  public ImportStatusHandler(PinpointClient pinpoint, Settings settings) {
    super(Input.class, ImportProgress.class);
    this.reader = new ImportProgressReader(pinpoint);
    this.settings = settings;
  }

  @Override
  public ImportProgress handle(Input input, Context context) {
    String importJobId =
        Inputs.required(input == null ? null : input.importJobId(), "importJobId", "ImportStatus");
    ImportProgress progress = reader.read(settings.required(Settings.APPLICATION_ID), importJobId);
    context
        .getLogger()
        .log(
            "Import job "
                + importJobId
                + ": "
                + progress.jobStatus()
                + " pieces "
                + progress.completedPieces()
                + "/"
                + progress.totalPieces()
                + " failedPieces="
                + progress.failedPieces()
                + " processed="
                + progress.totalProcessed()
                + " failures="
                + progress.totalFailures());
    return progress;
  }
}
