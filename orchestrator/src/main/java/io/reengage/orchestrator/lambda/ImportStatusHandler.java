package io.reengage.orchestrator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.reengage.orchestrator.aws.AwsClients;
import io.reengage.orchestrator.aws.Settings;
import io.reengage.orchestrator.importing.ImportProgress;
import io.reengage.orchestrator.importing.ImportProgressReader;
import java.util.Map;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/**
 * Reports an import job's status. Input {@code {"importJobId"}}; setting {@code
 * PINPOINT_APPLICATION_ID}; output {@link ImportProgress}.
 */
public final class ImportStatusHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final ImportProgressReader reader;
  private final Settings settings;

  public ImportStatusHandler() {
    this(AwsClients.pinpoint(), Settings.fromEnvironment());
  }

  public ImportStatusHandler(PinpointClient pinpoint, Settings settings) {
    this.reader = new ImportProgressReader(pinpoint);
    this.settings = settings;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    String importJobId = Inputs.required(input, "importJobId", "ImportStatus");
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
    return progress.toMap();
  }
}
