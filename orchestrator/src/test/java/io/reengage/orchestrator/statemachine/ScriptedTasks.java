package io.reengage.orchestrator.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task results a test scripts per state, in order; the last one repeats. Records every call with
 * the parameters the definition built, so tests can check what would have been sent to AWS.
 */
final class ScriptedTasks implements AslInterpreter.Tasks {

  record Call(String state, String resource, JsonNode parameters) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Deque<Object>> script = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();

  /** The state returns this JSON (for Lambda tasks: the function's output). */
  ScriptedTasks returns(String state, String json) {
    try {
      script.computeIfAbsent(state, s -> new ArrayDeque<>()).add(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
    return this;
  }

  /** The state fails with this error name and cause. */
  ScriptedTasks fails(String state, String error, String cause) {
    script.computeIfAbsent(state, s -> new ArrayDeque<>()).add(new AslError(error, cause));
    return this;
  }

  @Override
  public JsonNode run(String stateName, String resource, JsonNode parameters) {
    calls.add(new Call(stateName, resource, parameters));
    Deque<Object> queue = script.get(stateName);
    if (queue == null || queue.isEmpty()) {
      throw new AssertionError("No scripted result for task state " + stateName);
    }
    Object next = queue.size() > 1 ? queue.poll() : queue.peek();
    if (next instanceof AslError error) {
      throw new AslError(error.error(), error.cause());
    }
    return ((JsonNode) next).deepCopy();
  }

  List<Call> calls() {
    return calls;
  }

  List<Call> callsTo(String state) {
    return calls.stream().filter(c -> c.state().equals(state)).toList();
  }
}
