package io.reengage.orchestrator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class OpsMainTest {

  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  @Test
  void eachCommandHasHelp() {
    for (String command : new String[] {"backfill", "run", "athena-check"}) {
      OpsRun run = OpsRun.run(NOWHERE, new FakePacer(), command, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("Usage: reengage aws " + command);
    }
    OpsRun root = OpsRun.run(NOWHERE, new FakePacer());
    assertThat(root.out()).contains("backfill").contains("run").contains("athena-check");
  }

  @Test
  void missingCredentials_isOneActionableLine() {
    String line =
        OpsMain.oneLine(
            SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"));

    assertThat(line)
        .isEqualTo(
            "Cannot find AWS credentials (set AWS_PROFILE, run `aws sso login` or `aws configure`,"
                + " or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)");
  }

  @Test
  void badOption_isAUsageError() {
    OpsRun run =
        OpsRun.run(
            NOWHERE, new FakePacer(), "backfill", "--from", "2026-13-01", "--to", "2026-01-31");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--from");
  }
}
