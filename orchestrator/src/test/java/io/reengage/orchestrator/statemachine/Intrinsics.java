package io.reengage.orchestrator.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses and evaluates the JSONPath-mode intrinsic functions the definition uses, following the
 * Step Functions documentation: string literals in single quotes, where {@code \'}, {@code \{},
 * {@code \}} and {@code \\} are escapes; {@code {}} in a States.Format template is a placeholder
 * unless escaped. Functions outside the supported list fail loudly rather than being guessed.
 */
final class Intrinsics {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private final Function<String, JsonNode> paths;
  private int pos;

  private Intrinsics(String text, Function<String, JsonNode> paths) {
    this.text = text;
    this.paths = paths;
  }

  /**
   * Evaluates one intrinsic expression; {@code paths} resolves {@code $...} and {@code $$...}
   * references.
   */
  static JsonNode evaluate(String expression, Function<String, JsonNode> paths) {
    Intrinsics parser = new Intrinsics(expression, paths);
    Value value = parser.call();
    parser.skipSpaces();
    if (parser.pos != expression.length()) {
      throw new AslError(
          "States.Runtime", "Trailing text in intrinsic: " + expression.substring(parser.pos));
    }
    return value.node();
  }

  /** A value, remembering the raw literal text so States.Format can tell escaped braces apart. */
  private record Value(JsonNode node, String rawLiteral) {}

  private Value call() {
    skipSpaces();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    String name = text.substring(start, pos);
    expect('(');
    List<Value> args = new ArrayList<>();
    skipSpaces();
    if (peek() != ')') {
      args.add(argument());
      skipSpaces();
      while (peek() == ',') {
        pos++;
        args.add(argument());
        skipSpaces();
      }
    }
    expect(')');
    return new Value(apply(name, args), null);
  }

  private Value argument() {
    skipSpaces();
    char c = peek();
    if (c == '\'') {
      return literal();
    }
    if (c == '$') {
      int start = pos;
      while (pos < text.length()
          && text.charAt(pos) != ','
          && text.charAt(pos) != ')'
          && !Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return new Value(paths.apply(text.substring(start, pos)), null);
    }
    if (text.startsWith("States.", pos)) {
      return call();
    }
    int start = pos;
    while (pos < text.length()
        && text.charAt(pos) != ','
        && text.charAt(pos) != ')'
        && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    String token = text.substring(start, pos);
    try {
      return new Value(JSON.readTree(token), null);
    } catch (JsonProcessingException e) {
      throw new AslError("States.Runtime", "Bad intrinsic argument: " + token);
    }
  }

  private Value literal() {
    expect('\'');
    StringBuilder raw = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw new AslError("States.Runtime", "Unterminated string literal in " + text);
      }
      char c = text.charAt(pos++);
      if (c == '\\') {
        raw.append(c).append(text.charAt(pos++));
      } else if (c == '\'') {
        break;
      } else {
        raw.append(c);
      }
    }
    return new Value(NODES.textNode(unescape(raw.toString())), raw.toString());
  }

  private static String unescape(String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        char next = raw.charAt(++i);
        if (next != '\'' && next != '{' && next != '}' && next != '\\') {
          throw new AslError(
              "States.Runtime", "Unknown escape \\" + next + " in intrinsic literal");
        }
        out.append(next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private JsonNode apply(String name, List<Value> args) {
    switch (name) {
      case "States.Format":
        return format(args);
      case "States.StringToJson":
        arity(name, args, 1);
        try {
          return JSON.readTree(string(name, args.get(0)));
        } catch (JsonProcessingException e) {
          throw new AslError(
              "States.Runtime", "States.StringToJson: not JSON: " + e.getOriginalMessage());
        }
      case "States.JsonToString":
        arity(name, args, 1);
        return NODES.textNode(args.get(0).node().toString());
      case "States.Array":
        {
          ArrayNode array = NODES.arrayNode();
          args.forEach(a -> array.add(a.node()));
          return array;
        }
      case "States.ArrayLength":
        {
          arity(name, args, 1);
          JsonNode array = args.get(0).node();
          if (!array.isArray()) {
            throw new AslError("States.Runtime", "States.ArrayLength: not an array");
          }
          return NODES.numberNode(array.size());
        }
      case "States.ArrayGetItem":
        {
          arity(name, args, 2);
          JsonNode array = args.get(0).node();
          int index = args.get(1).node().asInt();
          if (!array.isArray()
              || !args.get(1).node().isIntegralNumber()
              || index < 0
              || index >= array.size()) {
            throw new AslError("States.Runtime", "States.ArrayGetItem: bad array or index");
          }
          return array.get(index);
        }
      case "States.StringSplit":
        {
          arity(name, args, 2);
          String value = string(name, args.get(0));
          String splitters = string(name, args.get(1));
          ArrayNode parts = NODES.arrayNode();
          StringBuilder current = new StringBuilder();
          for (char c : value.toCharArray()) {
            if (splitters.indexOf(c) >= 0) {
              addSplitPart(parts, current);
            } else {
              current.append(c);
            }
          }
          addSplitPart(parts, current);
          return parts;
        }
      case "States.JsonMerge":
        {
          arity(name, args, 3);
          if (!args.get(0).node().isObject() || !args.get(1).node().isObject()) {
            throw new AslError(
                "States.Runtime", "States.JsonMerge: both arguments must be objects");
          }
          if (args.get(2).node().asBoolean()) {
            throw new UnsupportedOperationException("deep JsonMerge is not interpreted");
          }
          ObjectNode merged = ((ObjectNode) args.get(0).node()).deepCopy();
          Iterator<Map.Entry<String, JsonNode>> fields = args.get(1).node().fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            merged.set(field.getKey(), field.getValue());
          }
          return merged;
        }
      case "States.MathAdd":
        {
          arity(name, args, 2);
          JsonNode a = args.get(0).node();
          JsonNode b = args.get(1).node();
          if (!a.isIntegralNumber() || !b.isIntegralNumber()) {
            throw new AslError("States.Runtime", "States.MathAdd: integers expected");
          }
          return NODES.numberNode(a.asLong() + b.asLong());
        }
      case "States.Hash":
        {
          arity(name, args, 2);
          String algorithm = string(name, args.get(1));
          if (!algorithm.equals("SHA-256")
              && !algorithm.equals("SHA-1")
              && !algorithm.equals("MD5")
              && !algorithm.equals("SHA-384")
              && !algorithm.equals("SHA-512")) {
            throw new AslError("States.Runtime", "States.Hash: unknown algorithm " + algorithm);
          }
          try {
            byte[] digest =
                MessageDigest.getInstance(algorithm)
                    .digest(string(name, args.get(0)).getBytes(StandardCharsets.UTF_8));
            return NODES.textNode(HexFormat.of().formatHex(digest));
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        }
      default:
        throw new UnsupportedOperationException("Intrinsic not interpreted: " + name);
    }
  }

  /** The documentation shows no case of empty pieces; rather than guess, such input is refused. */
  private static void addSplitPart(ArrayNode parts, StringBuilder current) {
    if (current.length() == 0) {
      throw new UnsupportedOperationException(
          "States.StringSplit with an empty piece is not interpreted");
    }
    parts.add(current.toString());
    current.setLength(0);
  }

  private static JsonNode format(List<Value> args) {
    if (args.isEmpty() || args.get(0).rawLiteral() == null) {
      throw new UnsupportedOperationException("States.Format template must be a literal here");
    }
    String raw = args.get(0).rawLiteral();
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        out.append(raw.charAt(++i));
      } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
        if (next >= args.size()) {
          throw new AslError("States.Runtime", "States.Format: more placeholders than arguments");
        }
        JsonNode arg = args.get(next++).node();
        if (arg.isContainerNode()) {
          throw new AslError(
              "States.Runtime", "States.Format: argument is not a string, number, boolean or null");
        }
        out.append(arg.isTextual() ? arg.asText() : arg.toString());
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != args.size()) {
      throw new AslError("States.Runtime", "States.Format: more arguments than placeholders");
    }
    return NODES.textNode(out.toString());
  }

  private static void arity(String name, List<Value> args, int expected) {
    if (args.size() != expected) {
      throw new AslError(
          "States.Runtime", name + " takes " + expected + " arguments, got " + args.size());
    }
  }

  private static String string(String name, Value value) {
    if (!value.node().isTextual()) {
      throw new AslError("States.Runtime", name + ": string expected, got " + value.node());
    }
    return value.node().asText();
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    skipSpaces();
    if (peek() != c) {
      throw new AslError("States.Runtime", "Expected '" + c + "' at " + pos + " in " + text);
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
