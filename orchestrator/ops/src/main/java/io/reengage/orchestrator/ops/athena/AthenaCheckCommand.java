package io.reengage.orchestrator.ops.athena;

import io.reengage.contract.ImportRowComparison;
import io.reengage.contract.summary.RunSummary;
import io.reengage.orchestrator.aws.S3Location;
import io.reengage.orchestrator.ops.OpsMain;
import io.reengage.orchestrator.ops.config.OpsException;
import io.reengage.orchestrator.summary.SummaryReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

/**
 * {@code ./reengage aws athena-check}: runs the parameterised original query on Athena for a run's
 * as-of and until, and compares Athena's result with the run's import folder as multisets. Prints
 * counts only, never an address.
 */
@Command(
    name = "athena-check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the parameterised Athena form of the original query for the run's as-of date and until bound"
          + " (read from the run's summary.json), waits, and compares the result with the run's import folder.",
      "Exit 0 when equal, 1 when different or the query failed, 2 on an error."
    })
public final class AthenaCheckCommand implements Callable<Integer> {

  @ParentCommand OpsMain parent;

  @Option(
      names = "--as-of",
      required = true,
      description = "The run's as-of date (YYYY-MM-DD); must match its summary.")
  LocalDate asOf;

  @Option(
      names = "--run",
      required = true,
      description =
          "The run folder, e.g. s3://out/runs/2026-08-31/manual-1 (holds summary.json and import/).")
  String run;

  @Option(
      names = "--poll-seconds",
      defaultValue = "5",
      description = "Seconds between status polls (default: ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Option(names = "--workgroup", description = "Athena workgroup (stack output AthenaWorkGroup).")
  String workGroup;

  @Option(names = "--database", description = "Glue database (stack output AthenaDatabase).")
  String database;

  @Option(names = "--table", description = "Glue table over the events (stack output AthenaTable).")
  String table;

  @Option(
      names = "--athena-output",
      description = "Athena results root (stack output AthenaOutputUri).")
  String athenaOutput;

  @Override
  public Integer call() {
    String runUri = run.endsWith("/") ? run.substring(0, run.length() - 1) : run;
    S3Location.parse(runUri);
    RunSummary summary;
    try {
      summary = new SummaryReader(parent.apis().s3()).read(runUri + "/summary.json");
    } catch (IllegalStateException e) {
      throw new OpsException(e.getMessage());
    }
    if (!summary.asOf().equals(asOf.toString())) {
      throw new OpsException(
          "Invalid --as-of " + asOf + ": the run at " + runUri + " is for " + summary.asOf());
    }
    String outputRoot = parent.setting(athenaOutput, "AthenaOutputUri", "--athena-output");
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(parent.pacer().now());
    String outputLocation =
        (outputRoot.endsWith("/") ? outputRoot : outputRoot + "/")
            + asOf
            + "/athena-check-"
            + stamp
            + "/";
    String query =
        AthenaQuery.text(
            parent.setting(database, "AthenaDatabase", "--database"),
            parent.setting(table, "AthenaTable", "--table"),
            asOf,
            summary.untilEpochMillis());
    String group = parent.setting(workGroup, "AthenaWorkGroup", "--workgroup");
    String databaseName = parent.setting(database, "AthenaDatabase", "--database");
    PrintWriter out = parent.out();
    AthenaClient athena = parent.apis().athena();

    String queryId;
    try {
      queryId =
          athena
              .startQueryExecution(
                  b ->
                      b.queryString(query)
                          .workGroup(group)
                          .queryExecutionContext(c -> c.database(databaseName))
                          .resultConfiguration(r -> r.outputLocation(outputLocation)))
              .queryExecutionId();
    } catch (AthenaException e) {
      throw new OpsException(
          "Cannot start the Athena query in workgroup "
              + group
              + ": "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
    out.printf(
        "Athena query %s for as-of %s, until %d (epoch ms), workgroup %s%n",
        queryId, summary.asOf(), summary.untilEpochMillis(), group);
    out.flush();
    QueryExecution execution = awaitQuery(athena, queryId);
    if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
      out.printf(
          "Athena query %s %s: %s%n",
          queryId,
          execution.status().stateAsString(),
          execution.status().stateChangeReason() == null
              ? "(no reason given)"
              : execution.status().stateChangeReason());
      out.flush();
      return 1;
    }
    String resultUri =
        execution.resultConfiguration() != null
                && execution.resultConfiguration().outputLocation() != null
            ? execution.resultConfiguration().outputLocation()
            : outputLocation + queryId + ".csv";

    ImportCsvFiles files = new ImportCsvFiles(parent.apis().s3());
    ImportRowComparison comparison = new ImportRowComparison();
    files.readRows(S3Location.parse(resultUri), comparison::addExpected);
    List<S3Location> runFiles = files.csvFilesUnder(summary.importUri());
    for (S3Location file : runFiles) {
      files.readRows(file, comparison::addActual);
    }
    ImportRowComparison.Result result = comparison.result();
    out.printf(
        "Athena rows %d, run rows %d (%d file(s)); missing %d, extra %d, differing %d: %s%n",
        result.expectedRows(),
        result.actualRows(),
        runFiles.size(),
        result.missing(),
        result.extra(),
        result.differing(),
        result.equal() ? "EQUAL" : "DIFFERENT");
    if (comparison.unusableExpected() + comparison.unusableActual() > 0) {
      out.printf(
          "(%d Athena rows with an empty or blank address left out: the job drops those by design)%n",
          comparison.unusableExpected() + comparison.unusableActual());
    }
    if (!result.equal()) {
      out.printf(
          "Inspect the rows with: reengage compare --expected %s --actual %s --report <local folder>%n",
          resultUri, summary.importUri());
    }
    out.flush();
    return result.equal() ? 0 : 1;
  }

  private QueryExecution awaitQuery(AthenaClient athena, String queryId) {
    while (true) {
      QueryExecution execution =
          athena.getQueryExecution(b -> b.queryExecutionId(queryId)).queryExecution();
      QueryExecutionState state = execution.status().state();
      if (state == QueryExecutionState.SUCCEEDED
          || state == QueryExecutionState.FAILED
          || state == QueryExecutionState.CANCELLED) {
        return execution;
      }
      parent.pacer().sleep(Duration.ofSeconds(Math.max(1, pollSeconds)));
    }
  }
}
