package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.read.EventRecordParser.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRecordParserTest {

  final EventRecordParser parser =
      new EventRecordParser(
          new EventTypeFilter(Set.of("_email.delivered", "_email.open", "_email.click")));

  Outcome parse(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 0, b.length);
  }

  static String event(String type, String ts, String destination) {
    return "{\"event_type\":"
        + type
        + ",\"event_timestamp\":1,\"arrival_timestamp\":"
        + ts
        + ",\"attributes\":{\"x\":[1,2,{\"y\":null}]},\"facets\":{\"email_channel\":{\"mail_event\":{"
        + "\"mail\":{\"message_id\":\"m\",\"destination\":"
        + destination
        + ",\"headers\":[{\"name\":\"To\",\"value\":\"v\"}]},\"delivery\":{\"recipients\":[\"r\"]}}}}}";
  }

  @Test
  void pullsTheThreeFields() {
    assertThat(
            parse(
                event("\"_email.open\"", "1772236801000", "[\"a@example.com\",\"b@example.com\"]")))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.eventType()).isEqualTo("_email.open");
    assertThat(parser.arrivalTimestamp()).isEqualTo(1772236801000L);
    assertThat(parser.destination()).containsExactly("a@example.com", "b@example.com");
  }

  @Test
  void fieldOrderDoesNotMatter_andNullElementsAreKept() {
    String json =
        "{\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":[null,\"\",\"x@example.com\"]}}}},"
            + "\"arrival_timestamp\":-5,\"event_type\":\"_email.delivered\"}";
    assertThat(parse(json)).isEqualTo(Outcome.EVENT);
    assertThat(parser.arrivalTimestamp()).isEqualTo(-5L);
    assertThat(parser.destination()).containsExactly(null, "", "x@example.com");
  }

  @Test
  void otherTypesAreIgnored_evenWithBrokenFields() {
    assertThat(parse(event("\"_email.send\"", "1", "[\"a@example.com\"]")))
        .isEqualTo(Outcome.IGNORED);
    assertThat(parse(event("\"_email.hardbounce\"", "\"text\"", "\"not an array\"")))
        .isEqualTo(Outcome.IGNORED);
    assertThat(parse("{\"arrival_timestamp\":1}")).isEqualTo(Outcome.IGNORED);
    assertThat(parse(event("null", "1", "[]"))).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void missingOrNullTimestampAndDestination_areEventsWithNothingToCount() {
    assertThat(parse(event("\"_email.delivered\"", "null", "null"))).isEqualTo(Outcome.EVENT);
    assertThat(parser.hasTimestamp()).isFalse();
    assertThat(parser.destination()).isNull();
    assertThat(parse("{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":5}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.destination()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":\"1772236801000\"}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1.772236801E12}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":99999999999999999999999}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":true}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":\"a@example.com\"}}}}}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":[1,2]}}}}}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"facets\":{\"email_channel\":{\"mail_event\":{\"mail\":{\"destination\":[[\"a@example.com\"]]}}}}}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"facets\":\"text\"}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"facets\":{\"email_channel\":[]}}",
        "{\"event_type\":42,\"arrival_timestamp\":1}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,}",
        "{\"event_type\":\"_email.delivered\" \"arrival_timestamp\":1}",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1}}",
        "[{\"event_type\":\"_email.delivered\"}]",
        "null",
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"x\":[[[[[[[[{\"y\":]]]]]]]]}"
      })
  void wrongTypesAndInvalidJson_areBad(String json) {
    assertThat(parse(json)).isEqualTo(Outcome.BAD);
  }

  @Test
  void invalidUtf8_isBad() {
    byte[] b =
        "{\"event_type\":\"_email.delivered\",\"arrival_timestamp\":1,\"x\":\"\u00ff\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(parser.parse(b, 0, b.length)).isEqualTo(Outcome.BAD);
  }

  @Test
  void duplicateKeys_lastOneWins() {
    assertThat(
            parse(
                "{\"event_type\":\"_email.send\",\"arrival_timestamp\":1,\"event_type\":\"_email.click\",\"arrival_timestamp\":2}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.eventType()).isEqualTo("_email.click");
    assertThat(parser.arrivalTimestamp()).isEqualTo(2L);
  }

  @Test
  void deeplyNestedUnrelatedContent_isSkipped() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThat(
            parse("{\"junk\":" + deep + ",\"event_type\":\"_email.open\",\"arrival_timestamp\":7}"))
        .isEqualTo(Outcome.EVENT);
  }

  @Test
  void nonAsciiAddresses_areDecodedAsUtf8() {
    assertThat(parse(event("\"_email.delivered\"", "1", "[\"jürgen@exämple.de\"]")))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.destination()).containsExactly("jürgen@exämple.de");
  }
}
