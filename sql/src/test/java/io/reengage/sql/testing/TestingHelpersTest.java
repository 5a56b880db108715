package io.reengage.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reengage.sql.testing.EventFiles.Event;
import io.reengage.sql.testing.SqlTokens.Kind;
import io.reengage.sql.testing.SqlTokens.Token;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test helpers the agreement rests on, on inputs whose answers are written here by hand. */
class TestingHelpersTest {

  @TempDir Path tmp;

  @Test
  void csvReader_followsRfc4180() {
    String text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",,\" \"\nlast,row,";
    assertThat(ImportCsv.parse(text))
        .containsExactly(
            List.of("a", "b,c", "say \"hi\""),
            List.of("line\nbreak", "", " "),
            List.of("last", "row", ""));
    assertThatThrownBy(() -> ImportCsv.parse("\"open")).hasMessage("unterminated quoted field");
    assertThatThrownBy(() -> ImportCsv.parse("a\"b"))
        .hasMessageStartingWith("a quote inside an unquoted field");
  }

  @Test
  void rowComparison_isAMultisetComparison() {
    List<List<String>> once = List.of(List.of("x"), List.of("y"));
    List<List<String>> twice = List.of(List.of("x"), List.of("x"), List.of("y"));
    Agreement.assertSameRows("same", "left", once, "right", List.of(List.of("y"), List.of("x")));
    assertThatThrownBy(() -> Agreement.assertSameRows("dup", "left", twice, "right", once))
        .hasMessage(
            "dup: left 3 rows, right 2 rows; 1 only in left, e.g. [[x]]; 0 only in right, e.g. []");
    List<List<String>> withNull = List.of(Arrays.asList("EMAIL", null));
    assertThatThrownBy(
            () ->
                Agreement.assertSameRows(
                    "null", "left", withNull, "right", List.of(List.of("EMAIL", ""))))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void unusableAddress_isNullEmptyOrWhiteSpace_asTheJobDefinesIt() {
    for (String blank :
        Arrays.asList(null, "", " ", "\t\r\n", "\u00a0", "\u0085", "\u2003", "\u001c")) {
      assertThat(Agreement.unusableAddress(Arrays.asList("EMAIL", blank, blank)))
          .as("[%s]", blank)
          .isTrue();
    }
    for (String usable : List.of("a", " a ", "\u200b", "\"\"")) {
      assertThat(Agreement.unusableAddress(List.of("EMAIL", usable, usable)))
          .as("[%s]", usable)
          .isFalse();
    }
  }

  @Test
  void sqlTokens_keepCommentsAndQuotedTextWhole() {
    assertThat(SqlTokens.of("SELECT 'it''s' AS \"a.b\" -- note  here\n, x/1000 >= ${v}"))
        .containsExactly(
            new Token(Kind.WORD, "SELECT"),
            new Token(Kind.STRING, "'it''s'"),
            new Token(Kind.WORD, "AS"),
            new Token(Kind.QUOTED, "\"a.b\""),
            new Token(Kind.COMMENT, "-- note here"),
            new Token(Kind.SYMBOL, ","),
            new Token(Kind.WORD, "x"),
            new Token(Kind.SYMBOL, "/"),
            new Token(Kind.NUMBER, "1000"),
            new Token(Kind.SYMBOL, ">="),
            new Token(Kind.PLACEHOLDER, "${v}"));
  }

  @Test
  void eventLoader_readsEveryFirehoseShape_andSkipsWronglyTypedRecords() throws Exception {
    String a =
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1000,"
            + "\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":[\"a@x\",null]}}}}}";
    String b = "{\"arrival_timestamp\":2000,\"event_type\":\"_email.open\"}";
    String wrongTime = "{\"event_type\":\"_email.open\",\"arrival_timestamp\":\"3000\"}";
    String wrongDestination =
        "{\"event_type\":\"_email.click\",\"arrival_timestamp\":4000,"
            + "\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":\"a@x\"}}}}}";
    Path hour = Files.createDirectories(tmp.resolve("2026/01/01/00"));
    // Concatenated records with a byte-order mark; CRLF lines; gzip of concatenated records.
    Files.write(hour.resolve("one"), ("\ufeff" + a + b).getBytes(StandardCharsets.UTF_8));
    Files.writeString(hour.resolve("two"), wrongTime + "\r\n" + a + "\r\n");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((wrongDestination + b).getBytes(StandardCharsets.UTF_8));
    }
    Files.write(hour.resolve("three-without-extension"), gz.toByteArray());

    EventFiles.Load load = EventFiles.load(tmp);
    Event first = new Event("_email.delivered", 1000L, Arrays.asList("a@x", null));
    Event open = new Event("_email.open", 2000L, null);
    assertThat(load.files()).isEqualTo(3);
    assertThat(load.records()).isEqualTo(6);
    assertThat(load.skipped()).isEqualTo(2);
    assertThat(load.events()).containsExactly(first, open, open, first);
  }

  @Test
  void trinoRows_asJson_keepEveryCharacter() throws Exception {
    List<String> destination =
        Arrays.asList("o'neil@x", "back\\slash", "line\nbreak", "\ud83d\ude00@x", null, "");
    String json = TrinoEngine.toJson(List.of(new Event("_email.delivered", 5L, destination)));
    assertThat(json).matches("[\\x20-\\x7e]*");
    com.fasterxml.jackson.databind.JsonNode back =
        new ObjectMapper().readTree(json).at("/0/facets/email_channel/mail_event/mail/destination");
    assertThat(back.size()).isEqualTo(6);
    for (int i = 0; i < destination.size(); i++) {
      assertThat(back.get(i).isNull() ? null : back.get(i).textValue())
          .isEqualTo(destination.get(i));
    }
  }
}
