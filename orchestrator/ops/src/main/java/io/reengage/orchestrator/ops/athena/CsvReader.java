package io.reengage.orchestrator.ops.athena;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, records by LF or CRLF; a quoted field may hold
 * commas, doubled quotes and line breaks. Enough for the job's output and Athena's (which quotes
 * every field and writes NULL as an empty, unquoted field), without a CSV library in the Lambda
 * jar.
 */
final class CsvReader {

  private final Reader in;
  private int lookahead = -2;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of input. */
  List<String> next() throws IOException {
    if (peek() == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      int c = read();
      if (quoted) {
        if (c == -1) {
          throw new IOException("Unterminated quoted field");
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          field.append((char) c);
        }
        continue;
      }
      if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == -1) {
        fields.add(field.toString());
        return fields;
      } else if (c == '\r' && peek() == '\n') {
        read();
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
    }
  }

  private int peek() throws IOException {
    if (lookahead == -2) {
      lookahead = in.read();
    }
    return lookahead;
  }

  private int read() throws IOException {
    int c = peek();
    lookahead = -2;
    return c;
  }
}
