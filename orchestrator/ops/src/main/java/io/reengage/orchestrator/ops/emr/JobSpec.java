package io.reengage.orchestrator.ops.emr;

import java.util.List;

/**
 * Where and how the job runs on EMR Serverless: the same settings the state machine's placeholders
 * name.
 *
 * @param sparkConf extra spark-submit options after the main class; may be empty
 */
public record JobSpec(
    String applicationId, String jobRoleArn, String jobJarUri, String sparkConf, String logUri) {

  public static final String MAIN_CLASS = "io.reengage.job.cli.Main";

  public String sparkSubmitParameters() {
    return ("--class " + MAIN_CLASS + " " + (sparkConf == null ? "" : sparkConf)).strip();
  }

  /** Where EMR Serverless puts a job run's driver logs (its documented S3 log layout). */
  public String driverLogs(String jobRunId) {
    if (logUri == null || logUri.isEmpty()) {
      return "(no log URI set: see the job run in EMR Studio)";
    }
    String root = logUri.endsWith("/") ? logUri : logUri + "/";
    return root + "applications/" + applicationId + "/jobs/" + jobRunId + "/SPARK_DRIVER/";
  }

  /** The arguments of {@code reengage rollup}. */
  public static List<String> rollupArguments(
      String eventsUri, String rollupsUri, String from, String to) {
    return List.of(
        "rollup", "--events", eventsUri, "--rollups", rollupsUri, "--from", from, "--to", to);
  }
}
