package io.reengage.orchestrator.ops.emr;

import io.reengage.orchestrator.ops.config.OpsException;
import java.util.List;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.GetJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ResourceUtilization;
import software.amazon.awssdk.services.emrserverless.model.TotalResourceUtilization;

/** Starts and watches job runs of the reengage job on one EMR Serverless application. */
public final class JobRuns {

  private final EmrServerlessClient emr;
  private final JobSpec spec;

  public JobRuns(EmrServerlessClient emr, JobSpec spec) {
    this.emr = emr;
    this.spec = spec;
  }

  public JobSpec spec() {
    return spec;
  }

  /**
   * Starts a job run. The client token makes the SDK's own retries of this call start one job run,
   * not several.
   */
  public String start(String name, String clientToken, List<String> arguments) {
    try {
      return emr.startJobRun(
              b ->
                  b.applicationId(spec.applicationId())
                      .executionRoleArn(spec.jobRoleArn())
                      .name(name)
                      .clientToken(clientToken)
                      .jobDriver(
                          d ->
                              d.sparkSubmit(
                                  s ->
                                      s.entryPoint(spec.jobJarUri())
                                          .entryPointArguments(arguments)
                                          .sparkSubmitParameters(spec.sparkSubmitParameters())))
                      .configurationOverrides(
                          c -> {
                            if (spec.logUri() != null && !spec.logUri().isEmpty()) {
                              c.monitoringConfiguration(
                                  m -> m.s3MonitoringConfiguration(s -> s.logUri(spec.logUri())));
                            }
                          }))
          .jobRunId();
    } catch (ResourceNotFoundException e) {
      throw missingApplication(e);
    } catch (EmrServerlessException e) {
      throw new OpsException(
          "Cannot start job run "
              + name
              + " on EMR Serverless application "
              + spec.applicationId()
              + ": "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
    }
  }

  public JobRunStatus status(String jobRunId) {
    GetJobRunResponse response;
    try {
      response = emr.getJobRun(b -> b.applicationId(spec.applicationId()).jobRunId(jobRunId));
    } catch (ResourceNotFoundException e) {
      throw missingApplication(e);
    }
    JobRun run = response.jobRun();
    double vcpu = 0;
    double memory = 0;
    double storage = 0;
    TotalResourceUtilization total = run.totalResourceUtilization();
    ResourceUtilization billed = run.billedResourceUtilization();
    if (billed != null) {
      vcpu = orZero(billed.vcpuHour());
      memory = orZero(billed.memoryGBHour());
      storage = orZero(billed.storageGBHour());
    } else if (total != null) {
      vcpu = orZero(total.vcpuHour());
      memory = orZero(total.memoryGBHour());
      storage = orZero(total.storageGBHour());
    }
    return new JobRunStatus(
        jobRunId,
        run.stateAsString(),
        run.stateDetails() == null ? "" : run.stateDetails(),
        vcpu,
        memory,
        storage);
  }

  private OpsException missingApplication(ResourceNotFoundException e) {
    return new OpsException(
        "Cannot find EMR Serverless application "
            + spec.applicationId()
            + ": "
            + e.awsErrorDetails().errorMessage()
            + " (check --application-id, --region and the stack outputs)");
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
