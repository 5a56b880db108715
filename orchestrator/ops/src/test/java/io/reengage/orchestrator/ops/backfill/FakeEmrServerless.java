package io.reengage.orchestrator.ops.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local, stateful stand-in for EMR Serverless (REST: StartJobRun, GetJobRun, as the API reference
 * documents them) and for the rollup markers in S3 (GetObject, path-style). A started rollup job
 * run reports RUNNING for a few polls, then its scripted end state; on SUCCESS it writes the
 * markers of its days, as the rollup job does. It counts the job runs in flight to check the
 * concurrency cap.
 */
final class FakeEmrServerless implements AutoCloseable {

  static final String APP = "00fabcdef1234567";
  static final String BUCKET = "reengage-output";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern START = Pattern.compile("/applications/([^/]+)/jobruns");
  private static final Pattern GET = Pattern.compile("/applications/([^/]+)/jobruns/([^/]+)");

  private final HttpServer server;
  private final Map<String, String> objects = new HashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, String> outcomeByFrom = new HashMap<>();
  final List<JsonNode> startRequests = new ArrayList<>();
  final AtomicInteger throttleNextStarts = new AtomicInteger();
  int startAttempts;
  int pollsUntilDone = 2;
  private int inFlight;
  int maxInFlight;

  private static final class Job {
    final String id;
    final JsonNode request;
    int polls;
    boolean reportedEnd;

    Job(String id, JsonNode request) {
      this.id = id;
      this.request = request;
    }
  }

  FakeEmrServerless() throws IOException {
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every small response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The job run whose --from is this day ends in this state: SUCCESS (default), FAILED, CANCELLED,
   * or SUCCESS_WITHOUT_MARKERS.
   */
  void outcome(String from, String state) {
    outcomeByFrom.put(from, state);
  }

  void markComplete(LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      objects.put(
          "/" + BUCKET + "/rollups/day=" + d + "/_ROLLUP.json",
          "{\"records\":1000,\"bytes\":250000}");
    }
  }

  List<List<String>> startedArguments() {
    List<List<String>> all = new ArrayList<>();
    for (JsonNode request : startRequests) {
      List<String> args = new ArrayList<>();
      request.at("/jobDriver/sparkSubmit/entryPointArguments").forEach(a -> args.add(a.asText()));
      all.add(args);
    }
    return all;
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher get = GET.matcher(path);
    Matcher start = START.matcher(path);
    if (method.equals("POST") && start.matches()) {
      startJobRun(exchange, start.group(1));
    } else if (method.equals("GET") && get.matches()) {
      getJobRun(exchange, get.group(1), get.group(2));
    } else if (method.equals("GET") && path.startsWith("/" + BUCKET + "/")) {
      String body = objects.get(path);
      if (body == null) {
        send(
            exchange,
            404,
            "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><RequestId>R</RequestId></Error>",
            null);
      } else {
        send(exchange, 200, "application/octet-stream", body, null);
      }
    } else {
      send(
          exchange,
          400,
          "application/json",
          "{\"message\":\"unexpected request " + method + " " + path + "\"}",
          "ValidationException");
    }
  }

  private void startJobRun(HttpExchange exchange, String app) throws IOException {
    startAttempts++;
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    if (!app.equals(APP)) {
      send(
          exchange,
          404,
          "application/json",
          "{\"message\":\"Application " + app + " does not exist\"}",
          "ResourceNotFoundException");
      return;
    }
    if (throttleNextStarts.get() > 0) {
      throttleNextStarts.decrementAndGet();
      send(
          exchange,
          429,
          "application/json",
          "{\"message\":\"Rate exceeded\"}",
          "ThrottlingException");
      return;
    }
    String token = request.path("clientToken").asText();
    String id = tokens.get(token);
    if (id == null) {
      id = "00job" + (jobs.size() + 1);
      tokens.put(token, id);
      jobs.put(id, new Job(id, request));
      startRequests.add(request);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("applicationId", APP)
            .put("jobRunId", id)
            .put(
                "arn",
                "arn:aws:emr-serverless:us-east-1:123456789012:/applications/"
                    + APP
                    + "/jobruns/"
                    + id);
    send(exchange, 200, "application/json", body.toString(), null);
  }

  private void getJobRun(HttpExchange exchange, String app, String id) throws IOException {
    Job job = jobs.get(id);
    if (!app.equals(APP) || job == null) {
      send(
          exchange,
          404,
          "application/json",
          "{\"message\":\"Job run " + id + " does not exist\"}",
          "ResourceNotFoundException");
      return;
    }
    job.polls++;
    List<String> args = new ArrayList<>();
    job.request.at("/jobDriver/sparkSubmit/entryPointArguments").forEach(a -> args.add(a.asText()));
    String from = args.contains("--from") ? args.get(args.indexOf("--from") + 1) : "";
    String state = "RUNNING";
    String details = "";
    if (job.polls >= pollsUntilDone) {
      String outcome = outcomeByFrom.getOrDefault(from, "SUCCESS");
      state = outcome.startsWith("SUCCESS") ? "SUCCESS" : outcome;
      details =
          switch (state) {
            case "FAILED" ->
                "Job failed, please check complete logs in configured logging destination. ExitCode: 1.";
            case "CANCELLED" -> "Job run cancelled by user.";
            default -> "";
          };
      if (!job.reportedEnd) {
        job.reportedEnd = true;
        inFlight--;
        if (outcome.equals("SUCCESS") && args.contains("--to")) {
          markComplete(LocalDate.parse(from), LocalDate.parse(args.get(args.indexOf("--to") + 1)));
        }
      }
    }
    ObjectNode run =
        JSON.createObjectNode()
            .put("applicationId", APP)
            .put("jobRunId", id)
            .put(
                "arn",
                "arn:aws:emr-serverless:us-east-1:123456789012:/applications/"
                    + APP
                    + "/jobruns/"
                    + id)
            .put("name", job.request.path("name").asText())
            .put("createdBy", "arn:aws:iam::123456789012:user/operator")
            .put("createdAt", 1.7884e9)
            .put("updatedAt", 1.7884e9 + job.polls)
            .put("executionRole", job.request.path("executionRoleArn").asText())
            .put("state", state)
            .put("stateDetails", details)
            .put("releaseLabel", "emr-7.9.0");
    run.set("jobDriver", job.request.path("jobDriver"));
    run.putObject("billedResourceUtilization")
        .put("vCPUHour", 0.5)
        .put("memoryGBHour", 2.0)
        .put("storageGBHour", 0.0);
    send(
        exchange,
        200,
        "application/json",
        JSON.createObjectNode().set("jobRun", run).toString(),
        null);
  }

  private static void send(
      HttpExchange exchange, int status, String type, String body, String errorType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
