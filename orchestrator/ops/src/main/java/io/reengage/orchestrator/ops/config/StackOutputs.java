package io.reengage.orchestrator.ops.config;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * Reads the deployed stack's outputs, which name the application, roles, buckets and state machine.
 */
public final class StackOutputs {

  private StackOutputs() {}

  public static Map<String, String> read(CloudFormationClient cloudFormation, String stackName) {
    DescribeStacksResponse response;
    try {
      response = cloudFormation.describeStacks(b -> b.stackName(stackName));
    } catch (CloudFormationException e) {
      throw new OpsException(
          "Cannot read the outputs of stack "
              + stackName
              + ": "
              + (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                  ? e.awsErrorDetails().errorMessage()
                  : e.getMessage())
              + " (check --stack and --region, or pass the settings as options)");
    }
    if (response.stacks().isEmpty()) {
      throw new OpsException(
          "Cannot read the outputs of stack "
              + stackName
              + ": no such stack (check --stack and --region)");
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output output : response.stacks().get(0).outputs()) {
      outputs.put(output.outputKey(), output.outputValue());
    }
    return outputs;
  }
}
