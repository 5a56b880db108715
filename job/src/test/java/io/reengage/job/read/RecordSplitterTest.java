package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {

  /** Records as strings, and "!" for each malformed stretch, in order. */
  static List<String> split(byte[] bytes, int maxRecordBytes) throws IOException {
    return split(new ByteArrayInputStream(bytes), maxRecordBytes);
  }

  static List<String> split(InputStream in, int maxRecordBytes) throws IOException {
    List<String> out = new ArrayList<>();
    new RecordSplitter(in, maxRecordBytes)
        .run(
            new RecordSplitter.Sink() {
              @Override
              public void record(byte[] b, int off, int len) {
                out.add(new String(b, off, len, StandardCharsets.UTF_8));
              }

              @Override
              public void malformed() {
                out.add("!");
              }
            });
    return out;
  }

  static List<String> split(String text) throws IOException {
    return split(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void newlineDelimited() throws IOException {
    assertThat(split("{\"a\":1}\n{\"b\":2}\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void concatenatedWithoutDelimiter() throws IOException {
    assertThat(split("{\"a\":1}{\"b\":{\"c\":[1,{}]}}{\"d\":3}"))
        .containsExactly("{\"a\":1}", "{\"b\":{\"c\":[1,{}]}}", "{\"d\":3}");
  }

  @Test
  void crlfBlankLinesAndByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"a\":1}\r\n\r\n  {\"b\":2}\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertThat(split(all, 1 << 20)).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void bracesAndEscapedQuotesInsideStrings_doNotEndTheRecord() throws IOException {
    String record = "{\"s\":\"}{ \\\" } \\\\\",\"t\":\"]\"}";
    assertThat(split(record + record)).containsExactly(record, record);
  }

  @Test
  void nonObjectRecords_areMalformedUntilTheEndOfTheLine() throws IOException {
    assertThat(split("[1,2]\nnull\n42\n{\"ok\":1}\n\"text\"\n"))
        .containsExactly("!", "!", "!", "{\"ok\":1}", "!");
  }

  @Test
  void brokenStringEndsAtTheLineBreak_andTheNextLineIsRead() throws IOException {
    assertThat(split("{\"a\":\"unterminated\n{\"b\":2}\n")).containsExactly("!", "{\"b\":2}");
  }

  @Test
  void truncatedLastRecord_isMalformed() throws IOException {
    assertThat(split("{\"a\":1}\n{\"b\":{\"c\":")).containsExactly("{\"a\":1}", "!");
  }

  @Test
  void recordsLongerThanTheLimit_areSkippedAsOneMalformedRecord() throws IOException {
    String big = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
    assertThat(split((big + "\n{\"a\":1}").getBytes(StandardCharsets.UTF_8), 100_000))
        .containsExactly("!", "{\"a\":1}");
  }

  @Test
  void recordsSpanningManyReadChunks_areReassembled() throws IOException {
    String big = "{\"pad\":\"" + "y".repeat(1_000_000) + "\"}";
    // A stream that returns 7 bytes per read exercises every buffer boundary.
    InputStream trickle =
        new ByteArrayInputStream((big + big).getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    assertThat(split(trickle, 4 << 20)).containsExactly(big, big);
  }

  @Test
  void emptyAndWhitespaceOnlyInput_yieldNothing() throws IOException {
    assertThat(split("")).isEmpty();
    assertThat(split(" \n\r\n\t ")).isEmpty();
  }
}
