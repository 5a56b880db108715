package io.reengage.orchestrator.ops;

import io.reengage.orchestrator.ops.config.DefaultAwsApis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Runs {@code reengage aws ...} in-process against a local endpoint; keeps exit code, stdout and
 * stderr.
 */
public record OpsRun(int exitCode, String out, String err) {

  public static OpsRun run(URI endpoint, FakePacer pacer, String... args) {
    OpsMain main =
        new OpsMain(
            region ->
                new DefaultAwsApis(
                    Region.US_EAST_1,
                    endpoint,
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"))),
            pacer);
    CommandLine cli = OpsMain.commandLine(main);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new OpsRun(code, out.toString(), err.toString());
  }
}
