package io.reengage.orchestrator.ops;

import io.reengage.orchestrator.ops.athena.AthenaCheckCommand;
import io.reengage.orchestrator.ops.backfill.BackfillCommand;
import io.reengage.orchestrator.ops.config.AwsApis;
import io.reengage.orchestrator.ops.config.DefaultAwsApis;
import io.reengage.orchestrator.ops.config.OpsException;
import io.reengage.orchestrator.ops.config.Pacer;
import io.reengage.orchestrator.ops.config.StackOutputs;
import io.reengage.orchestrator.ops.run.RunCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;

/**
 * {@code ./reengage aws <command>}: operator commands against a deployed stack. Settings come from
 * the stack's outputs ({@code --stack}) or from explicit options, which win.
 */
@Command(
    name = "reengage aws",
    mixinStandardHelpOptions = true,
    version = "reengage aws 1.0.0",
    description =
        "Operate a deployed reengage stack: backfill rollups, start a run, cross-check a run on Athena.",
    subcommands = {BackfillCommand.class, RunCommand.class, AthenaCheckCommand.class})
public final class OpsMain implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stack",
      description =
          "CloudFormation stack whose outputs supply the settings (default: ${DEFAULT-VALUE}).",
      defaultValue = "reengage")
  String stack;

  @Option(
      names = "--region",
      description = "AWS region (default: the AWS SDK's region chain: AWS_REGION, profile).")
  String region;

  private final Function<Region, AwsApis> apiFactory;
  private final Pacer pacer;
  private AwsApis apis;
  private Map<String, String> outputs;

  public OpsMain() {
    this(region -> new DefaultAwsApis(region, null, null), Pacer.SYSTEM);
  }

  public OpsMain(Function<Region, AwsApis> apiFactory, Pacer pacer) {
    this.apiFactory = apiFactory;
    this.pacer = pacer;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new OpsMain()).execute(args));
  }

  /** The command line with the tool's error handling: one line per failure, never a stack trace. */
  public static CommandLine commandLine(OpsMain main) {
    CommandLine cli = new CommandLine(main);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("reengage aws: " + oneLine(e));
          return 2;
        });
    return cli;
  }

  static String oneLine(Exception e) {
    if (e instanceof OpsException) {
      return e.getMessage();
    }
    if (e instanceof SdkClientException
        && e.getMessage() != null
        && (e.getMessage().contains("credentials") || e.getMessage().contains("Credentials"))) {
      return "Cannot find AWS credentials (set AWS_PROFILE, run `aws sso login` or `aws configure`, or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)";
    }
    if (e instanceof SdkClientException
        && e.getMessage() != null
        && e.getMessage().contains("region")) {
      return "Cannot find the AWS region (pass --region or set AWS_REGION)";
    }
    if (e instanceof SdkServiceException service) {
      return "AWS refused a call: "
          + service.getMessage()
          + " (check permissions and the settings from --stack)";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public AwsApis apis() {
    if (apis == null) {
      apis = apiFactory.apply(region == null ? null : Region.of(region));
    }
    return apis;
  }

  public Pacer pacer() {
    return pacer;
  }

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * A setting: the explicit option when given, else the stack output of that name.
   *
   * @param optionName the option that sets it, named in the error when both are missing
   */
  public String setting(String explicit, String outputKey, String optionName) {
    if (explicit != null) {
      return explicit;
    }
    String value = stackOutputs().get(outputKey);
    if (value == null) {
      throw new OpsException(
          "Missing setting "
              + outputKey
              + ": pass "
              + optionName
              + ", or deploy the stack '"
              + stack
              + "' with an output named "
              + outputKey
              + " (--stack chooses the stack)");
    }
    return value;
  }

  /**
   * Like {@link #setting} but an absent value is allowed (an empty string means "none"), and so is
   * an unreadable stack: someone who passes every required setting as an option may have no stack.
   */
  public String optionalSetting(String explicit, String outputKey) {
    if (explicit != null) {
      return explicit;
    }
    try {
      return stackOutputs().getOrDefault(outputKey, "");
    } catch (OpsException e) {
      return "";
    }
  }

  private Map<String, String> stackOutputs() {
    if (outputs == null) {
      outputs = StackOutputs.read(apis().cloudFormation(), stack);
    }
    return outputs;
  }
}
