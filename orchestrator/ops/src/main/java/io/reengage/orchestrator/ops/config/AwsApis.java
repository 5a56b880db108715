package io.reengage.orchestrator.ops.config;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The AWS clients the operator commands use; built on first use, so a command builds only what it
 * needs.
 */
public interface AwsApis {

  EmrServerlessClient emr();

  SfnClient sfn();

  AthenaClient athena();

  S3Client s3();

  CloudFormationClient cloudFormation();
}
