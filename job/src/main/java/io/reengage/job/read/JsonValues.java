package io.reengage.job.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the few value shapes the event parsers take out of a record, with the checks SPEC.md asks
 * for. One instance per parser (and so per thread): it reuses its scratch list.
 */
final class JsonValues {

  /** Returned by {@link #stringArray} for a value that is present but not an array of strings. */
  static final String[] WRONG_TYPE = new String[0];

  private final List<String> scratch = new ArrayList<>(8);

  /**
   * The {@code destination} of a {@code mail} object, the shape Pinpoint and SES records share:
   * null when the object is null or names none, {@link #WRONG_TYPE} when it is not an object or its
   * destination is not an array of strings. When the key repeats, the last one wins.
   */
  String[] mailDestination(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return WRONG_TYPE;
    }
    String[] destination = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken child = p.nextToken();
      if ("destination".equals(name)) {
        destination = stringArray(p, child);
      } else {
        p.skipChildren();
      }
    }
    expectEndObject(t);
    return destination;
  }

  /**
   * An array of strings (null elements kept), null for a JSON null, or {@link #WRONG_TYPE} for any
   * other value, for an element that is neither a string nor null, or for a string holding an
   * unpaired surrogate escape such as {@code \ud800} (no UTF-8 file, and so no CSV, can carry it).
   * The parser is left after the value.
   */
  String[] stringArray(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      return WRONG_TYPE;
    }
    scratch.clear();
    boolean ok = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException("unterminated array");
      }
      if (t == JsonToken.VALUE_STRING) {
        String address = p.getText();
        if (hasUnpairedSurrogate(address)) {
          ok = false;
        } else {
          scratch.add(address);
        }
      } else if (t == JsonToken.VALUE_NULL) {
        scratch.add(null);
      } else {
        ok = false;
        p.skipChildren();
      }
    }
    return ok ? scratch.toArray(new String[0]) : WRONG_TYPE;
  }

  /** A string value, or null for anything else (skipped): for optional details never validated. */
  static String optionalString(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /**
   * {@code expected} when the value is exactly that string, else null; compared in the parser's own
   * buffer, so the user agents of millions of opens cost no String each. Any other value is
   * skipped.
   */
  static String ifExactly(JsonParser p, JsonToken v, String expected) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return null;
    }
    if (p.getTextLength() != expected.length()) {
      return null;
    }
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    for (int i = 0; i < expected.length(); i++) {
      if (chars[offset + i] != expected.charAt(i)) {
        return null;
      }
    }
    return expected;
  }

  /** Fails on an object that ends early, so a truncated record is bad rather than half read. */
  static void expectEndObject(JsonToken t) throws IOException {
    if (t != JsonToken.END_OBJECT) {
      throw new IOException("unterminated object");
    }
  }

  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
