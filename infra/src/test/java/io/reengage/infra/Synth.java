package io.reengage.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises the stack for tests and turns template fragments into readable text.
 *
 * <p>The job and Lambda jars are small stand-ins made here, so the stack tests do not depend on the
 * other modules' builds; the state machine definition is the real file of the orchestrator module.
 */
final class Synth {

  static final Path REPO_ROOT =
      Path.of(System.getProperty("reengage.repo.root", "..")).toAbsolutePath().normalize();
  private static Path jars;

  private Synth() {}

  /** The template of the stack built with these context values (plus stand-in jars). */
  static Template template(Map<String, Object> context) {
    return Template.fromStack(stack(context));
  }

  /** The stack built with these context values (plus stand-in jars). */
  static ReengageStack stack(Map<String, Object> context) {
    Map<String, Object> all = new HashMap<>();
    all.put("jobJar", standInJar("job.jar").toString());
    all.put("lambdaJar", standInJar("lambda.jar").toString());
    all.putAll(context);
    App app = new App(AppProps.builder().context(all).build());
    return InfraApp.build(app, REPO_ROOT);
  }

  private static synchronized Path standInJar(String name) {
    try {
      if (jars == null) {
        jars = Files.createTempDirectory("reengage-infra-test");
      }
      Path jar = jars.resolve(name);
      if (!Files.exists(jar)) {
        try (OutputStream out = Files.newOutputStream(jar);
            JarOutputStream zip = new JarOutputStream(out)) {
          zip.putNextEntry(new ZipEntry("stand-in-for-" + name + ".txt"));
          zip.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resources(Template template) {
    return (Map<String, Map<String, Object>>) (Map<String, ?>) template.toJSON().get("Resources");
  }

  /** Resources of one type, by logical ID. */
  static Map<String, Map<String, Object>> resourcesOfType(Template template, String type) {
    Map<String, Map<String, Object>> found = new HashMap<>();
    resources(template)
        .forEach(
            (id, resource) -> {
              if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
              }
            });
    return found;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  /**
   * The one resource of a type whose logical ID starts with {@code prefix} (the construct path).
   */
  static Map<String, Object> resource(Template template, String type, String prefix) {
    List<Map<String, Object>> found = new ArrayList<>();
    resourcesOfType(template, type)
        .forEach(
            (id, resource) -> {
              if (id.startsWith(prefix)) {
                found.add(resource);
              }
            });
    if (found.size() != 1) {
      throw new AssertionError(
          "Expected one " + type + " with logical ID " + prefix + "*, found " + found.size());
    }
    return found.get(0);
  }

  /**
   * The statements of the role whose logical ID starts with {@code rolePrefix}, one line per action
   * and resource: {@code "Allow s3:GetObject WorkBucket.Arn/runs/*"}, with the condition appended.
   */
  @SuppressWarnings("unchecked")
  static List<String> roleStatements(Template template, String rolePrefix) {
    List<String> lines = new ArrayList<>();
    resourcesOfType(template, "AWS::IAM::Policy")
        .forEach(
            (id, policy) -> {
              List<Object> roles = (List<Object>) properties(policy).get("Roles");
              boolean forRole = roles.stream().anyMatch(r -> render(r).startsWith(rolePrefix));
              if (forRole) {
                lines.addAll(
                    statementLines((Map<String, Object>) properties(policy).get("PolicyDocument")));
              }
            });
    return lines;
  }

  @SuppressWarnings("unchecked")
  static List<String> statementLines(Map<String, Object> document) {
    List<String> lines = new ArrayList<>();
    for (Object s : (List<Object>) document.get("Statement")) {
      Map<String, Object> statement = (Map<String, Object>) s;
      String condition =
          statement.containsKey("Condition") ? " if " + render(statement.get("Condition")) : "";
      for (Object action : asList(statement.get("Action"))) {
        for (Object resource : asList(statement.get("Resource"))) {
          lines.add(statement.get("Effect") + " " + action + " " + render(resource) + condition);
        }
      }
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return value instanceof List ? (List<Object>) value : List.of(Objects.requireNonNull(value));
  }

  /**
   * CloudFormation values as text: {@code Ref} as the logical ID without its hash, {@code
   * Fn::GetAtt} as {@code Id.Attribute}, {@code Fn::Join} and {@code Fn::Sub} as their strings,
   * pseudo parameters as {@code ${AWS::Region}}.
   */
  @SuppressWarnings("unchecked")
  static String render(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<String, Object> entry = ((Map<String, Object>) map).entrySet().iterator().next();
      switch (entry.getKey()) {
        case "Ref":
          {
            String ref = (String) entry.getValue();
            return ref.startsWith("AWS::") ? "${" + ref + "}" : stripHash(ref);
          }
        case "Fn::GetAtt":
          {
            List<Object> parts = (List<Object>) entry.getValue();
            return stripHash((String) parts.get(0)) + "." + parts.get(1);
          }
        case "Fn::Join":
          {
            List<Object> parts = (List<Object>) entry.getValue();
            StringBuilder out = new StringBuilder();
            for (Object part : (List<Object>) parts.get(1)) {
              if (out.length() > 0 && !((String) parts.get(0)).isEmpty()) {
                out.append(parts.get(0));
              }
              out.append(render(part));
            }
            return out.toString();
          }
        case "Fn::Sub":
          return render(entry.getValue());
        default:
          break;
      }
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      ((Map<String, Object>) map)
          .entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(
                  e ->
                      out.append(out.length() > 1 ? ", " : "")
                          .append(e.getKey())
                          .append("=")
                          .append(render(e.getValue())));
      return out.append("}").toString();
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(render(item)));
      return items.toString();
    }
    return String.valueOf(value);
  }

  /**
   * {@code WorkBucketF885502B} becomes {@code WorkBucket}: the construct path, stable across
   * changes.
   */
  static String stripHash(String logicalId) {
    return logicalId.matches(".*[0-9A-F]{8}")
        ? logicalId.substring(0, logicalId.length() - 8)
        : logicalId;
  }
}
