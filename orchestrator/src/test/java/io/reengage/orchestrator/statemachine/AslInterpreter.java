package io.reengage.orchestrator.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows an execution through a JSONPath-mode state machine definition, with task results supplied
 * by the test. It interprets the subset of the Amazon States Language the definition uses (Pass,
 * Task with Parameters/ResultSelector/ResultPath/Retry/Catch, Choice, Wait, Succeed, Fail) as the
 * language specification describes it, and refuses any field outside that subset, so a definition
 * that drifts beyond it fails the tests instead of being half-understood. Waits are recorded, not
 * slept; retry intervals are recorded at their upper bound (jitter aside).
 */
final class AslInterpreter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_TRANSITIONS = 1000;

  private static final Set<String> COMMON = Set.of("Type", "Comment", "Next", "End");
  private static final Set<String> PASS =
      union(COMMON, Set.of("Parameters", "Result", "ResultPath"));
  private static final Set<String> TASK =
      union(
          COMMON,
          Set.of("Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"));
  private static final Set<String> CHOICE = Set.of("Type", "Comment", "Choices", "Default");
  private static final Set<String> WAIT = union(COMMON, Set.of("Seconds", "SecondsPath"));
  private static final Set<String> SUCCEED = Set.of("Type", "Comment");
  private static final Set<String> FAIL =
      Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath");
  private static final Set<String> RETRIER =
      Set.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy");
  private static final Set<String> CATCHER = Set.of("ErrorEquals", "ResultPath", "Next");

  /** Supplies a task's raw result (what the integration returns), or throws {@link AslError}. */
  interface Tasks {
    JsonNode run(String stateName, String resource, JsonNode parameters);
  }

  /** One retry the interpreter made: which state, which error, and the interval before it. */
  record RetryWait(String state, String error, double seconds) {}

  /** How the execution ended. */
  record Outcome(
      boolean succeeded,
      String endState,
      String error,
      String cause,
      JsonNode output,
      List<String> visited,
      List<Long> waits,
      List<RetryWait> retries) {}

  private final JsonNode definition;

  AslInterpreter(JsonNode definition) {
    if (definition.has("QueryLanguage")
        && !"JSONPath".equals(definition.get("QueryLanguage").asText())) {
      throw new UnsupportedOperationException("Only JSONPath state machines are interpreted");
    }
    this.definition = definition;
  }

  Outcome run(JsonNode input, JsonNode context, Tasks tasks) {
    List<String> visited = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    List<RetryWait> retries = new ArrayList<>();
    String name = definition.get("StartAt").asText();
    JsonNode data = input.deepCopy();
    for (int step = 0; step < MAX_TRANSITIONS; step++) {
      JsonNode state = definition.get("States").get(name);
      if (state == null) {
        throw new IllegalStateException("No state named " + name);
      }
      visited.add(name);
      String type = state.get("Type").asText();
      JsonNode paths = withContext(data, context);
      try {
        switch (type) {
          case "Pass" -> {
            allowOnly(name, state, PASS);
            JsonNode result =
                state.has("Parameters")
                    ? template(state.get("Parameters"), paths, context)
                    : state.has("Result") ? state.get("Result").deepCopy() : data;
            data = applyResultPath(data, state, result);
          }
          case "Task" -> {
            allowOnly(name, state, TASK);
            JsonNode result = runTask(name, state, paths, context, tasks, retries);
            if (state.has("ResultSelector")) {
              result = template(state.get("ResultSelector"), withContext(result, context), context);
            }
            data = applyResultPath(data, state, result);
          }
          case "Choice" -> {
            allowOnly(name, state, CHOICE);
            String next = null;
            for (JsonNode rule : state.get("Choices")) {
              if (matches(rule, paths)) {
                next = rule.get("Next").asText();
                break;
              }
            }
            if (next == null) {
              if (!state.has("Default")) {
                throw new AslError("States.NoChoiceMatched", "No choice rule matched in " + name);
              }
              next = state.get("Default").asText();
            }
            name = next;
            continue;
          }
          case "Wait" -> {
            allowOnly(name, state, WAIT);
            JsonNode seconds =
                state.has("Seconds")
                    ? state.get("Seconds")
                    : path(state.get("SecondsPath").asText(), paths);
            if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
              throw new AslError(
                  "States.Runtime", "Wait seconds must be a non-negative integer: " + seconds);
            }
            waits.add(seconds.asLong());
          }
          case "Succeed" -> {
            allowOnly(name, state, SUCCEED);
            return new Outcome(true, name, null, null, data, visited, waits, retries);
          }
          case "Fail" -> {
            allowOnly(name, state, FAIL);
            String error =
                state.has("ErrorPath")
                    ? textAt(state.get("ErrorPath").asText(), paths)
                    : text(state, "Error");
            String cause =
                state.has("CausePath")
                    ? textAt(state.get("CausePath").asText(), paths)
                    : text(state, "Cause");
            return new Outcome(false, name, error, cause, data, visited, waits, retries);
          }
          default -> throw new UnsupportedOperationException("State type not interpreted: " + type);
        }
      } catch (AslError e) {
        if (e.error().startsWith("States.Runtime") || e.error().equals("States.NoChoiceMatched")) {
          return new Outcome(false, name, e.error(), e.cause(), data, visited, waits, retries);
        }
        // A task error not retried away: the first catcher whose ErrorEquals matches takes it.
        JsonNode catcher = matchingCatcher(state, e.error());
        if (catcher == null) {
          return new Outcome(false, name, e.error(), e.cause(), data, visited, waits, retries);
        }
        allowOnly(name + " Catch", catcher, CATCHER);
        ObjectNode errorOutput = NODES.objectNode().put("Error", e.error()).put("Cause", e.cause());
        data = applyResultPath(data, catcher, errorOutput);
        name = catcher.get("Next").asText();
        continue;
      }
      if (state.path("End").asBoolean(false)) {
        return new Outcome(true, name, null, null, data, visited, waits, retries);
      }
      name = state.get("Next").asText();
    }
    throw new IllegalStateException(
        "More than " + MAX_TRANSITIONS + " transitions: a loop that never ends");
  }

  private JsonNode runTask(
      String name,
      JsonNode state,
      JsonNode paths,
      JsonNode context,
      Tasks tasks,
      List<RetryWait> retries) {
    JsonNode parameters =
        state.has("Parameters")
            ? template(state.get("Parameters"), paths, context)
            : paths.get("$");
    String resource = state.get("Resource").asText();
    int[] attempts = new int[state.path("Retry").size()];
    while (true) {
      try {
        JsonNode raw = tasks.run(name, resource, parameters);
        if (resource.equals("arn:aws:states:::lambda:invoke")) {
          // The optimised Lambda integration wraps the function's output.
          return NODES
              .objectNode()
              .put("StatusCode", 200)
              .put("ExecutedVersion", "$LATEST")
              .set("Payload", raw);
        }
        return raw;
      } catch (AslError e) {
        JsonNode retrier = null;
        int index = 0;
        for (JsonNode candidate : state.path("Retry")) {
          allowOnly(name + " Retry", candidate, RETRIER);
          if (errorMatches(candidate.get("ErrorEquals"), e.error())) {
            retrier = candidate;
            break;
          }
          index++;
        }
        if (retrier == null) {
          throw e;
        }
        int maxAttempts = retrier.path("MaxAttempts").asInt(3);
        if (attempts[index] >= maxAttempts) {
          throw e;
        }
        double interval =
            retrier.path("IntervalSeconds").asDouble(1)
                * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attempts[index]);
        if (retrier.has("MaxDelaySeconds")) {
          interval = Math.min(interval, retrier.get("MaxDelaySeconds").asDouble());
        }
        retries.add(new RetryWait(name, e.error(), interval));
        attempts[index]++;
      }
    }
  }

  private static JsonNode matchingCatcher(JsonNode state, String error) {
    for (JsonNode catcher : state.path("Catch")) {
      if (errorMatches(catcher.get("ErrorEquals"), error)) {
        return catcher;
      }
    }
    return null;
  }

  private static boolean errorMatches(JsonNode errorEquals, String error) {
    for (JsonNode name : errorEquals) {
      if (name.asText().equals(error)) {
        return true;
      }
      // States.ALL matches every error except States.Runtime (specification).
      if (name.asText().equals("States.ALL") && !error.equals("States.Runtime")) {
        return true;
      }
    }
    return false;
  }

  // ---- Choice rules

  private boolean matches(JsonNode rule, JsonNode paths) {
    if (rule.has("And")) {
      for (JsonNode r : rule.get("And")) {
        if (!matches(r, paths)) {
          return false;
        }
      }
      return true;
    }
    if (rule.has("Or")) {
      for (JsonNode r : rule.get("Or")) {
        if (matches(r, paths)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("Not")) {
      return !matches(rule.get("Not"), paths);
    }
    String variable = rule.get("Variable").asText();
    if (rule.has("IsPresent")) {
      return exists(variable, paths) == rule.get("IsPresent").asBoolean();
    }
    // A comparison on a path that does not exist is a runtime error (hence IsPresent).
    JsonNode value = path(variable, paths);
    Iterator<Map.Entry<String, JsonNode>> fields = rule.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String op = field.getKey();
      if (op.equals("Variable") || op.equals("Next")) {
        continue;
      }
      JsonNode operand =
          op.endsWith("Path") ? path(field.getValue().asText(), paths) : field.getValue();
      String base = op.endsWith("Path") ? op.substring(0, op.length() - 4) : op;
      return compare(base, value, operand);
    }
    throw new UnsupportedOperationException("Choice rule without a comparison: " + rule);
  }

  private static boolean compare(String op, JsonNode value, JsonNode operand) {
    switch (op) {
      case "StringEquals":
        return value.isTextual() && value.asText().equals(operand.asText());
      case "BooleanEquals":
        return value.isBoolean() && value.asBoolean() == operand.asBoolean();
      case "IsNull":
        return value.isNull() == operand.asBoolean();
      case "IsBoolean":
        return value.isBoolean() == operand.asBoolean();
      case "IsString":
        return value.isTextual() == operand.asBoolean();
      case "IsNumeric":
        return value.isNumber() == operand.asBoolean();
      default:
        break;
    }
    if (!value.isNumber() || !operand.isNumber()) {
      if (op.startsWith("Numeric")) {
        return false;
      }
      throw new UnsupportedOperationException("Choice comparison not interpreted: " + op);
    }
    int c = value.decimalValue().compareTo(operand.decimalValue());
    return switch (op) {
      case "NumericEquals" -> c == 0;
      case "NumericGreaterThan" -> c > 0;
      case "NumericGreaterThanEquals" -> c >= 0;
      case "NumericLessThan" -> c < 0;
      case "NumericLessThanEquals" -> c <= 0;
      default ->
          throw new UnsupportedOperationException("Choice comparison not interpreted: " + op);
    };
  }

  // ---- Payload templates, paths, ResultPath

  /**
   * Evaluates a Parameters/ResultSelector template: keys ending in ".$" take a path or an
   * intrinsic.
   */
  private JsonNode template(JsonNode template, JsonNode paths, JsonNode context) {
    if (template.isObject()) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        if (key.endsWith(".$")) {
          String expression = field.getValue().asText();
          JsonNode value =
              expression.startsWith("States.")
                  ? Intrinsics.evaluate(expression, p -> path(p, paths))
                  : path(expression, paths);
          out.set(key.substring(0, key.length() - 2), value.deepCopy());
        } else {
          out.set(key, template(field.getValue(), paths, context));
        }
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = NODES.arrayNode();
      template.forEach(e -> out.add(template(e, paths, context)));
      return out;
    }
    return template.deepCopy();
  }

  /** Wraps the data and the context object so that "$..." and "$$..." resolve from one place. */
  private static JsonNode withContext(JsonNode data, JsonNode context) {
    return NODES.objectNode().<ObjectNode>set("$", data).set("$$", context);
  }

  private static boolean exists(String path, JsonNode paths) {
    try {
      path(path, paths);
      return true;
    } catch (AslError e) {
      return false;
    }
  }

  /**
   * Resolves a reference path: {@code $}, {@code $.a.b}, {@code $$.Execution.Name}; no filters or
   * wildcards.
   */
  static JsonNode path(String path, JsonNode paths) {
    String root = path.startsWith("$$") ? "$$" : "$";
    if (!path.startsWith("$")) {
      throw new AslError("States.Runtime", "Not a path: " + path);
    }
    JsonNode node = paths.get(root);
    String rest = path.substring(root.length());
    if (rest.isEmpty()) {
      return node;
    }
    if (!rest.startsWith(".")) {
      throw new UnsupportedOperationException("Path form not interpreted: " + path);
    }
    for (String part : rest.substring(1).split("\\.")) {
      if (part.isEmpty() || part.contains("[") || part.contains("*")) {
        throw new UnsupportedOperationException("Path form not interpreted: " + path);
      }
      if (node == null || !node.isObject() || !node.has(part)) {
        throw new AslError("States.Runtime", "The path " + path + " does not exist in the input");
      }
      node = node.get(part);
    }
    return node;
  }

  private static String textAt(String path, JsonNode paths) {
    JsonNode value = path(path, paths);
    if (!value.isTextual()) {
      throw new AslError("States.Runtime", path + " is not a string: " + value);
    }
    return value.asText();
  }

  private static String text(JsonNode state, String field) {
    return state.has(field) ? state.get(field).asText() : null;
  }

  private static JsonNode applyResultPath(JsonNode data, JsonNode state, JsonNode result) {
    if (!state.has("ResultPath")) {
      return result;
    }
    JsonNode resultPath = state.get("ResultPath");
    if (resultPath.isNull()) {
      return data;
    }
    String path = resultPath.asText();
    if (path.equals("$")) {
      return result;
    }
    if (!path.startsWith("$.") || path.contains("[")) {
      throw new UnsupportedOperationException("ResultPath form not interpreted: " + path);
    }
    if (!data.isObject()) {
      throw new AslError("States.Runtime", "ResultPath " + path + " needs an object input");
    }
    ObjectNode copy = data.deepCopy();
    ObjectNode node = copy;
    String[] parts = path.substring(2).split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null) {
        child = node.putObject(parts[i]);
      } else if (!child.isObject()) {
        throw new AslError("States.Runtime", "ResultPath " + path + " crosses a non-object");
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], result);
    return copy;
  }

  private static void allowOnly(String where, JsonNode node, Set<String> allowed) {
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                throw new UnsupportedOperationException(
                    "Field " + f + " in " + where + " is not interpreted");
              }
            });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
