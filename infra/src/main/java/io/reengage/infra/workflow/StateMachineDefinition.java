package io.reengage.infra.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine definition file with its {@code ${Name}} placeholders, which CloudFormation
 * fills in from {@code DefinitionSubstitutions}. The file is the single source of truth: infra
 * reads it as it is and only checks that every placeholder gets a value.
 */
public final class StateMachineDefinition {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private final Path file;
  private final String text;

  private StateMachineDefinition(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  public static StateMachineDefinition load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          String.format(
              "Cannot synthesise the stack: state machine definition %s does not exist (it belongs to the"
                  + " orchestrator module; point -c stateMachineFile=PATH at it)",
              file));
    }
    try {
      return new StateMachineDefinition(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read state machine definition " + file + ": " + e.getMessage(), e);
    }
  }

  public String text() {
    return text;
  }

  /** Every {@code ${Name}} in the file. */
  public Set<String> placeholders() {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * The substitutions for this file: the values of its placeholders, taken from {@code available}.
   * Values the file does not use are left out, so CloudFormation gets exactly what the file asks
   * for.
   *
   * @throws IllegalStateException naming each placeholder that has no value
   */
  public Map<String, String> substitutions(Map<String, String> available) {
    Set<String> missing = new TreeSet<>(placeholders());
    missing.removeAll(available.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              "Cannot synthesise the stack: %s uses placeholders the stack has no value for: %s (add them to"
                  + " Workflow's substitutions, or rename them in the definition)",
              file, missing));
    }
    Map<String, String> used = new TreeMap<>();
    for (String name : placeholders()) {
      used.put(name, available.get(name));
    }
    return used;
  }
}
