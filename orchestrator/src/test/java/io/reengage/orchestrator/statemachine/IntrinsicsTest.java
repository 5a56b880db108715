package io.reengage.orchestrator.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The interpreter's intrinsic functions against the documented examples and hand-worked cases. */
class IntrinsicsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode eval(String expression, String input) throws Exception {
    JsonNode paths =
        JSON.createObjectNode()
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("$", JSON.readTree(input))
            .set("$$", JSON.readTree("{\"Execution\":{\"Name\":\"exec\"}}"));
    return Intrinsics.evaluate(expression, p -> AslInterpreter.path(p, paths));
  }

  @Test
  void format_fillsPlaceholdersInOrder() throws Exception {
    assertThat(
            eval("States.Format('Hello, my name is {}.', $.name)", "{\"name\":\"Arnav\"}").asText())
        .isEqualTo("Hello, my name is Arnav.");
    assertThat(eval("States.Format('{}-{}', $.n, $$.Execution.Name)", "{\"n\":42}").asText())
        .isEqualTo("42-exec");
  }

  @Test
  void format_keepsEscapedBracesAndQuotes() throws Exception {
    assertThat(eval("States.Format('\\{\\}{}\\'', $.a)", "{\"a\":\"x\"}").asText())
        .isEqualTo("{}x'");
  }

  @Test
  void format_withMismatchedArguments_isARuntimeError() {
    assertThatThrownBy(() -> eval("States.Format('{} {}', $.a)", "{\"a\":\"x\"}"))
        .isInstanceOf(AslError.class)
        .hasMessageContaining("States.Runtime");
  }

  @Test
  void stringSplit_splitsOnEachDelimiterCharacter() throws Exception {
    assertThat(eval("States.StringSplit($.s, '.+,=')", "{\"s\":\"This.is+a,test=string\"}"))
        .isEqualTo(JSON.readTree("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
  }

  @Test
  void arrayLength_countsItems_andRefusesANonArray() throws Exception {
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[\"x\",\"y\",\"z\"]}").asInt()).isEqualTo(3);
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[]}").asInt()).isZero();
    assertThatThrownBy(() -> eval("States.ArrayLength($.a)", "{\"a\":\"x\"}"))
        .isInstanceOf(AslError.class)
        .hasMessageContaining("States.Runtime");
  }

  @Test
  void arrayGetItem_andNesting() throws Exception {
    assertThat(
            eval(
                    "States.ArrayGetItem(States.StringSplit($.t, 'T'), 0)",
                    "{\"t\":\"2026-09-01T05:00:12.345Z\"}")
                .asText())
        .isEqualTo("2026-09-01");
  }

  @Test
  void jsonMerge_shallow_secondWins() throws Exception {
    assertThat(
            eval(
                "States.JsonMerge($.a, $.b, false)",
                "{\"a\":{\"x\":1,\"y\":{\"p\":1}},\"b\":{\"y\":{\"q\":2},\"z\":3}}"))
        .isEqualTo(JSON.readTree("{\"x\":1,\"y\":{\"q\":2},\"z\":3}"));
  }

  @Test
  void jsonToString_andBack() throws Exception {
    assertThat(eval("States.JsonToString($.v)", "{\"v\":\"a\\\"b\"}").asText())
        .isEqualTo("\"a\\\"b\"");
    assertThat(eval("States.StringToJson($.s)", "{\"s\":\"[\\\"a\\\",1]\"}"))
        .isEqualTo(JSON.readTree("[\"a\",1]"));
  }

  @Test
  void mathAdd_andHash() throws Exception {
    assertThat(eval("States.MathAdd($.a, $.b)", "{\"a\":30,\"b\":30}").asLong()).isEqualTo(60L);
    // FIPS 180-2 test vector for "abc".
    assertThat(eval("States.Hash($.s, 'SHA-256')", "{\"s\":\"abc\"}").asText())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void missingPath_isARuntimeError() {
    assertThatThrownBy(() -> eval("States.Format('{}', $.absent)", "{}"))
        .isInstanceOf(AslError.class)
        .hasMessageContaining("does not exist");
  }
}
