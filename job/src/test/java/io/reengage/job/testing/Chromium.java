package io.reengage.job.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's package) driven over the DevTools protocol with the JDK's own
 * WebSocket client: no driver binary, no browser download. Records every event the page sends, so
 * tests can check console errors and network requests after the fact.
 */
public final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

  /** The browser to use: $CHROMIUM, else /usr/bin/chromium; empty when neither exists. */
  public static Optional<Path> executable() {
    String env = System.getenv("CHROMIUM");
    for (String candidate : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return Optional.of(Path.of(candidate));
      }
    }
    return Optional.empty();
  }

  public static Chromium start(Path executable, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("reengage-chromium-");
    // The flags this machine needs: no sandbox as root, and no background connections (the
    // network is closed, and the page must not need it anyway).
    Process p =
        new ProcessBuilder(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String browserUrl = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserUrl = m.group(1);
        break;
      }
    }
    if (browserUrl == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools port");
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                while (err.readLine() != null) {
                  // Chromium's own log (D-Bus warnings and the like) is not the page's console.
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://" + browser.getAuthority() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageUrl = null;
    for (JsonNode target : JSON.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        pageUrl = target.path("webSocketDebuggerUrl").asText();
      }
    }
    return new Chromium(p, profile, http, URI.create(pageUrl));
  }

  private Chromium(Process process, Path profile, HttpClient http, URI page) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket =
        http.newWebSocketBuilder().buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** Sends a DevTools command and waits for its result. */
  public JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode result = reply.get(60, TimeUnit.SECONDS);
    if (result.has("error")) {
      throw new IllegalStateException(method + " failed: " + result.get("error"));
    }
    return result.path("result");
  }

  /** Evaluates a JavaScript expression in the page and returns its value. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("Script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Evaluates until the expression is truthy, or fails after the timeout. */
  public JsonNode waitFor(String expression, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode v = evaluate(expression);
      if (!v.isMissingNode() && !v.isNull() && v.asBoolean(true) && !v.asText().isEmpty()) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + expression);
      }
      Thread.sleep(100);
    }
  }

  /** A PNG of the whole page, not only the viewport. */
  public void screenshot(Path file) throws Exception {
    JsonNode shot =
        send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Every event received so far (method and params). */
  public List<JsonNode> events() {
    synchronized (events) {
      return new ArrayList<>(events);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            events.add(message);
          }
        } catch (IOException e) {
          // not JSON: ignore
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
