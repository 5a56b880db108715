package io.reengage.job.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.reengage.job.read.EventRecordParser.Outcome;
import io.reengage.job.read.EventRecordParser.Source;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SES records through {@link EventRecordParser}: detection, mapping, validation, machine opens. */
class SesRecordParsingTest {

  final EventRecordParser parser =
      new EventRecordParser(
          new EventTypeFilter(Set.of("_email.delivered", "_email.open", "_email.click")));

  Outcome parse(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 0, b.length);
  }

  static final String MAIL =
      "\"mail\":{\"timestamp\":\"2026-03-01T09:59:00.000Z\",\"source\":\"news@example.com\","
          + "\"destination\":[\"a@example.com\",\"b@example.com\",\"c@example.com\"],"
          + "\"headers\":[{\"name\":\"To\",\"value\":\"x@example.com\"}],"
          + "\"commonHeaders\":{\"to\":[\"x@example.com\"]},\"tags\":{\"t\":[\"v\"]}}";

  @Test
  void delivery_usesItsOwnTimeAndRecipients_inEitherOrder() {
    String delivery =
        "\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00.250Z\",\"processingTimeMillis\":5,"
            + "\"recipients\":[\"b@example.com\"],\"smtpResponse\":\"250 ok\"}";
    for (String json :
        new String[] {
          "{\"eventType\":\"Delivery\"," + MAIL + "," + delivery + "}",
          "{" + delivery + "," + MAIL + ",\"eventType\":\"Delivery\"}",
          "{" + MAIL + ",\"eventType\":\"Delivery\"," + delivery + "}",
        }) {
      assertThat(parse(json)).as(json).isEqualTo(Outcome.EVENT);
      assertThat(parser.source()).isEqualTo(Source.SES);
      assertThat(parser.eventType()).isEqualTo("_email.delivered");
      // 2026-03-01T00:00:00Z is 1772323200 s (2026-02-28 + 86400 s).
      assertThat(parser.arrivalTimestamp()).isEqualTo(1772323200000L + 36_000_250L);
      assertThat(parser.destination()).containsExactly("b@example.com");
      assertThat(parser.machineOpen()).isFalse();
    }
  }

  @Test
  void delivery_withoutRecipients_fallsBackToMailDestination() {
    for (String recipients : new String[] {"", ",\"recipients\":null"}) {
      String json =
          "{\"eventType\":\"Delivery\","
              + MAIL
              + ",\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00Z\""
              + recipients
              + "}}";
      assertThat(parse(json)).isEqualTo(Outcome.EVENT);
      assertThat(parser.destination())
          .containsExactly("a@example.com", "b@example.com", "c@example.com");
    }
  }

  @Test
  void delivery_withEmptyRecipients_hasNoAddress() {
    String json =
        "{\"eventType\":\"Delivery\","
            + MAIL
            + ",\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00Z\",\"recipients\":[]}}";
    assertThat(parse(json)).isEqualTo(Outcome.EVENT);
    assertThat(parser.destination()).isEmpty();
  }

  @Test
  void openAndClick_areCreditedToEveryAddressOfTheMail() {
    assertThat(
            parse(
                "{\"eventType\":\"Open\","
                    + MAIL
                    + ",\"open\":{\"ipAddress\":\"192.0.2.1\",\"timestamp\":\"2026-03-02T00:00:01+01:00\","
                    + "\"userAgent\":\"Mozilla/5.0 (iPhone)\"}}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.eventType()).isEqualTo("_email.open");
    // 2026-03-02T00:00:01+01:00 = 2026-03-01T23:00:01Z = 1772323200 + 82801 s.
    assertThat(parser.arrivalTimestamp()).isEqualTo((1772323200L + 82_801L) * 1000L);
    assertThat(parser.destination())
        .containsExactly("a@example.com", "b@example.com", "c@example.com");
    assertThat(parser.machineOpen()).isFalse();

    assertThat(
            parse(
                "{\"click\":{\"link\":\"https://example.com/{x}\",\"linkTags\":{\"a\":[\"b\"]},"
                    + "\"timestamp\":\"2026-03-01T10:00:00.123456Z\",\"userAgent\":\"Mozilla/5.0\"},"
                    + "\"eventType\":\"Click\","
                    + MAIL
                    + "}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.eventType()).isEqualTo("_email.click");
    assertThat(parser.arrivalTimestamp()).isEqualTo(1772323200000L + 36_000_123L);
    // Clicks are never machine events, even from the proxy's user agent.
    assertThat(parser.machineOpen()).isFalse();
  }

  @Test
  void machineOpens_byUserAgentOrBotFlag() {
    String agentOnly =
        "{\"eventType\":\"Open\","
            + MAIL
            + ",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\",\"userAgent\":\"Mozilla/5.0\","
            + "\"ipAddress\":\"17.58.0.1\"}}";
    assertThat(parse(agentOnly)).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isTrue();
    String bot =
        "{\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\",\"userAgent\":\"Outlook\","
            + "\"isBotEvent\":\"Likely\"},\"eventType\":\"Open\","
            + MAIL
            + "}";
    assertThat(parse(bot)).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isTrue();
    assertThat(parse(bot.replace("\"Likely\"", "\"Unlikely\""))).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isFalse();

    EventRecordParser withRanges =
        new EventRecordParser(
            new EventTypeFilter(Set.of("_email.delivered", "_email.open")),
            MachineOpenClassifier.withIpRanges(ip -> ip.startsWith("17.")));
    byte[] b = agentOnly.getBytes(StandardCharsets.UTF_8);
    assertThat(withRanges.parse(b, 0, b.length)).isEqualTo(Outcome.EVENT);
    assertThat(withRanges.machineOpen()).isTrue();
    b = agentOnly.replace("17.58.0.1", "198.51.100.7").getBytes(StandardCharsets.UTF_8);
    assertThat(withRanges.parse(b, 0, b.length)).isEqualTo(Outcome.EVENT);
    assertThat(withRanges.machineOpen()).isFalse();
  }

  @Test
  void pinpointMachineOpens_fromTheOpenObjectOfOpensOnly() {
    String open =
        "{\"event_type\":\"_email.open\",\"arrival_timestamp\":5,\"facets\":{\"email_channel\":"
            + "{\"mail_event\":{\"mail\":{\"destination\":[\"a@example.com\"]},"
            + "\"open\":{\"ip_address\":\"17.58.0.1\",\"user_agent\":\"Mozilla/5.0\"}}}}}";
    assertThat(parse(open)).isEqualTo(Outcome.EVENT);
    assertThat(parser.source()).isEqualTo(Source.PINPOINT);
    assertThat(parser.machineOpen()).isTrue();
    assertThat(parse(open.replace("\"Mozilla/5.0\"", "\"Mozilla/5.0 (Macintosh)\"")))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isFalse();
    // A wrongly typed user agent is no machine's and no reason to drop the open.
    assertThat(parse(open.replace("\"Mozilla/5.0\"", "5"))).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isFalse();
    String click = open.replace("_email.open", "_email.click").replace("\"open\":", "\"click\":");
    assertThat(parse(click)).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isFalse();
    // Type last: the open's details were read before the type was known.
    String typeLast =
        "{\"arrival_timestamp\":5,\"facets\":{\"email_channel\":{\"mail_event\":{"
            + "\"open\":{\"user_agent\":\"Mozilla/5.0\"},\"mail\":{\"destination\":[\"a\"]}}}},"
            + "\"event_type\":\"_email.open\"}";
    assertThat(parse(typeLast)).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isTrue();
    assertThat(parse(typeLast.replace("_email.open", "_email.delivered"))).isEqualTo(Outcome.EVENT);
    assertThat(parser.machineOpen()).isFalse();
  }

  @Test
  void missingOrNullTime_isAnEventWithNothingToCount() {
    assertThat(parse("{\"eventType\":\"Open\"," + MAIL + ",\"open\":{\"timestamp\":null}}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.hasTimestamp()).isFalse();
    assertThat(parse("{\"eventType\":\"Click\"," + MAIL + "}")).isEqualTo(Outcome.EVENT);
    assertThat(parser.hasTimestamp()).isFalse();
    assertThat(parse("{\"eventType\":\"Delivery\",\"delivery\":null}")).isEqualTo(Outcome.EVENT);
    assertThat(parser.hasTimestamp()).isFalse();
    assertThat(parser.destination()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00\"}}",
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":1772323200000}}",
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"yesterday\"}}",
        "{\"eventType\":\"Click\",\"click\":{\"timestamp\":[\"2026-03-01T10:00:00Z\"]}}",
        "{\"eventType\":\"Click\",\"click\":\"2026-03-01T10:00:00Z\"}",
        "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00Z\",\"recipients\":\"a@example.com\"}}",
        "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00Z\",\"recipients\":[1]}}",
        "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2026-03-01T10:00:00Z\"},\"mail\":{\"destination\":{}}}",
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\"},\"mail\":\"m\"}",
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\"},\"mail\":{\"destination\":[\"\\ud800\"]}}",
        "{\"eventType\":7,\"mail\":{}}",
        "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\"}",
      })
  void wrongTimesRecipientsAndTypes_areBad(String json) {
    assertThat(parse(json)).isEqualTo(Outcome.BAD);
  }

  @Test
  void otherSesTypes_areIgnoredUnvalidated() {
    for (String type :
        new String[] {
          "Send",
          "Bounce",
          "Complaint",
          "Reject",
          "Rendering Failure",
          "DeliveryDelay",
          "Subscription",
          "delivery",
          "_email.open"
        }) {
      String json =
          "{\"eventType\":\""
              + type
              + "\",\"mail\":{\"destination\":5},\"delivery\":{\"timestamp\":\"x\"},"
              + "\"open\":7,\"click\":{\"timestamp\":false}}";
      assertThat(parse(json)).as(type).isEqualTo(Outcome.IGNORED);
      assertThat(parser.source()).isEqualTo(Source.SES);
    }
    // A wanted type's unrelated objects are not validated either.
    assertThat(
            parse(
                "{\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\"},"
                    + "\"delivery\":{\"timestamp\":5,\"recipients\":7},\"click\":\"x\"}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(
            parse(
                "{\"delivery\":{\"timestamp\":5,\"recipients\":7},\"click\":\"x\","
                    + "\"eventType\":\"Open\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\"}}"))
        .isEqualTo(Outcome.EVENT);
  }

  @Test
  void unwantedEngagementType_isIgnored() {
    EventRecordParser opensOnly =
        new EventRecordParser(new EventTypeFilter(Set.of("_email.delivered", "_email.open")));
    byte[] b =
        "{\"eventType\":\"Click\",\"click\":{\"timestamp\":\"2026-03-01T10:00:00Z\"}}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(opensOnly.parse(b, 0, b.length)).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void pinpointTypeWins_overSesType() {
    String both =
        "{\"eventType\":\"Delivery\",\"delivery\":{\"timestamp\":\"bad\"},"
            + "\"event_type\":\"_email.open\",\"arrival_timestamp\":9}";
    assertThat(parse(both)).isEqualTo(Outcome.EVENT);
    assertThat(parser.source()).isEqualTo(Source.PINPOINT);
    assertThat(parser.eventType()).isEqualTo("_email.open");
    assertThat(parser.arrivalTimestamp()).isEqualTo(9L);
    // A Pinpoint type key that is not a string leaves the record to its SES type.
    assertThat(
            parse(
                "{\"event_type\":null,\"eventType\":\"Click\",\"click\":{\"timestamp\":\"1970-01-01T00:00:01Z\"}}"))
        .isEqualTo(Outcome.EVENT);
    assertThat(parser.source()).isEqualTo(Source.SES);
    assertThat(parser.arrivalTimestamp()).isEqualTo(1000L);
    assertThat(parse("{\"mail\":{\"destination\":[\"a\"]},\"open\":{}}"))
        .isEqualTo(Outcome.IGNORED);
    assertThat(parser.source()).isEqualTo(Source.NONE);
  }

  @Test
  void repeatedTypeKey_afterASkip_isParsedAgainAndTheLastWins() {
    // The first eventType lets the parser skip the open object; the second makes it the one needed.
    String json =
        "{\"eventType\":\"Delivery\",\"open\":{\"timestamp\":\"2026-03-01T10:00:00Z\","
            + "\"userAgent\":\"Mozilla/5.0\"},"
            + MAIL
            + ",\"eventType\":\"Open\"}";
    assertThat(parse(json)).isEqualTo(Outcome.EVENT);
    assertThat(parser.eventType()).isEqualTo("_email.open");
    assertThat(parser.hasTimestamp()).isTrue();
    assertThat(parser.machineOpen()).isTrue();
    // A Pinpoint type first lets the SES parts be skipped; a null Pinpoint type later undoes it.
    String undone =
        "{\"event_type\":\"_email.send\",\"eventType\":\"Click\","
            + MAIL
            + ",\"click\":{\"timestamp\":\"2026-03-01T10:00:00Z\"},\"event_type\":null}";
    assertThat(parse(undone)).isEqualTo(Outcome.EVENT);
    assertThat(parser.source()).isEqualTo(Source.SES);
    assertThat(parser.destination()).hasSize(3);
  }
}
