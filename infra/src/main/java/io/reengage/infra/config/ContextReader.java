package io.reengage.infra.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to CDK context values. Values arrive as strings from {@code -c KEY=VALUE} and as
 * JSON types from {@code cdk.json}; both are accepted. Every rejection names the key, the value and
 * the fix.
 */
final class ContextReader {

  private final Function<String, Object> lookup;

  ContextReader(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  /** The trimmed value, or empty when the key is absent or blank. */
  Optional<String> optionalString(String key) {
    Object value = lookup.apply(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * Like {@link #string}, but a value given as empty stays empty instead of meaning the default.
   */
  String stringOrEmpty(String key, String defaultValue) {
    Object value = lookup.apply(key);
    return value == null ? defaultValue : value.toString().trim();
  }

  String string(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  String matching(String key, String defaultValue, Pattern pattern, String expected) {
    String value = string(key, defaultValue);
    if (!pattern.matcher(value).matches()) {
      throw invalid(key, value, expected);
    }
    return value;
  }

  Optional<String> optionalMatching(String key, Pattern pattern, String expected) {
    Optional<String> value = optionalString(key);
    value.ifPresent(
        v -> {
          if (!pattern.matcher(v).matches()) {
            throw invalid(key, v, expected);
          }
        });
    return value;
  }

  int integer(String key, int defaultValue, int min, int max) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw invalid(key, text.get(), "a whole number from " + min + " to " + max);
    }
    if (value < min || value > max) {
      throw invalid(key, text.get(), "a whole number from " + min + " to " + max);
    }
    return value;
  }

  boolean bool(String key, boolean defaultValue) {
    return optionalBool(key).orElse(defaultValue);
  }

  Optional<Boolean> optionalBool(String key) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    switch (text.get().toLowerCase(Locale.ROOT)) {
      case "true":
        return Optional.of(true);
      case "false":
        return Optional.of(false);
      default:
        throw invalid(key, text.get(), "true or false");
    }
  }

  static InvalidSettingException invalid(String key, String value, String expected) {
    return new InvalidSettingException(
        String.format(
            "Invalid context value %s: '%s' (expected %s; set it with -c %s=VALUE or in cdk.json)",
            key, value, expected, key));
  }
}
