package ai.worldforge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser's Python {@code json.loads} compatibility, hash-consing, and round trips. */
class JsonParserTest {

    /** Every entry point; all must agree. */
    static final List<Function<String, JsonValue>> READERS = List.of(
            Json::parse,
            text -> Json.parse(text.getBytes(StandardCharsets.UTF_8)),
            text -> stream(text, false),
            text -> stream(text, true));

    static JsonValue stream(String text, boolean dedupe) {
        try {
            return Json.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), dedupe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments error(String input, String pythonMessage) {
        return Arguments.of(input, pythonMessage);
    }

    /** Inputs and the {@code JSONDecodeError} text CPython 3.11 gives for them. */
    static Stream<Arguments> pythonErrors() {
        return Stream.of(
                error("", "Expecting value: line 1 column 1 (char 0)"),
                error("   ", "Expecting value: line 1 column 4 (char 3)"),
                error("{broken", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                error("[1,]", "Expecting value: line 1 column 4 (char 3)"),
                error("1 2", "Extra data: line 1 column 3 (char 2)"),
                error("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
                error("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
                error("[\"\u0001\"]", "Invalid control character at: line 1 column 3 (char 2)"),
                error("+Infinity", "Expecting value: line 1 column 1 (char 0)"),
                error("-INF", "Expecting value: line 1 column 1 (char 0)"),
                error("+INF", "Expecting value: line 1 column 1 (char 0)"),
                error("INF", "Expecting value: line 1 column 1 (char 0)"),
                error("nan", "Expecting value: line 1 column 1 (char 0)"),
                error("-NaN", "Expecting value: line 1 column 1 (char 0)"),
                error("01", "Extra data: line 1 column 2 (char 1)"),
                error("1.", "Extra data: line 1 column 2 (char 1)"),
                error(".5", "Expecting value: line 1 column 1 (char 0)"),
                error("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
                error("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
                error("nul", "Expecting value: line 1 column 1 (char 0)"),
                error("[1]]", "Extra data: line 1 column 4 (char 3)"),
                error("\"\\x\"", "Invalid \\escape: line 1 column 2 (char 1)"),
                error("\n\n  [1,\n  x]", "Expecting value: line 4 column 3 (char 10)"),
                error("{}x", "Extra data: line 1 column 3 (char 2)"),
                error("\"\u00e9\" x", "Extra data: line 1 column 5 (char 4)"),
                error("\"\ud83d\ude00\" x", "Extra data: line 1 column 5 (char 4)"),
                error("tru", "Expecting value: line 1 column 1 (char 0)"),
                error("[", "Expecting value: line 1 column 2 (char 1)"),
                error("{\"a\":", "Expecting value: line 1 column 6 (char 5)"),
                error("\"\\u00\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
                error("\"\\u12G4\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
                error("\"\\ud800\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
                error("'a'", "Expecting value: line 1 column 1 (char 0)"),
                error("[1,,2]", "Expecting value: line 1 column 4 (char 3)"),
                error("{\"a\":1 \"b\":2}", "Expecting ',' delimiter: line 1 column 8 (char 7)"),
                error("{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"),
                error("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                error("\"abc\\", "Unterminated string starting at: line 1 column 1 (char 0)"),
                error("[1", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
                error("{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)"),
                error("[nan]", "Expecting value: line 1 column 2 (char 1)"),
                error("[-]", "Expecting value: line 1 column 2 (char 1)"),
                error("-", "Expecting value: line 1 column 1 (char 0)"),
                error("1e", "Extra data: line 1 column 2 (char 1)"),
                error("1.5e+", "Extra data: line 1 column 4 (char 3)"),
                error("{\"\u00e9\":1 x}", "Expecting ',' delimiter: line 1 column 8 (char 7)"),
                error("[1}", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
                error("{\"a\":1]", "Expecting ',' delimiter: line 1 column 7 (char 6)"),
                error("[1.e5]", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
                error("{\"a\":tru}", "Expecting value: line 1 column 6 (char 5)"),
                error("\t\r\n1\f", "Extra data: line 2 column 2 (char 4)"),
                error("1\u00a0", "Extra data: line 1 column 2 (char 1)"),
                error("[\"a\tb\"]", "Invalid control character at: line 1 column 4 (char 3)"),
                error("[1]\n\n  x", "Extra data: line 3 column 3 (char 7)"),
                error("{\"\ud83d\ude00\": 1 2}", "Expecting ',' delimiter: line 1 column 9 (char 8)"),
                error("1 /* c */", "Extra data: line 1 column 3 (char 2)"),
                error("[true false]", "Expecting ',' delimiter: line 1 column 7 (char 6)"));
    }

    @ParameterizedTest
    @MethodSource("pythonErrors")
    void textGetsPythonsExactMessage(String input, String pythonMessage) {
        assertThatThrownBy(() -> Json.parse(input))
                .isExactlyInstanceOf(JsonSyntaxException.class)
                .hasMessage(pythonMessage);
        assertThatThrownBy(() -> Json.parse(input.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(JsonSyntaxException.class)
                .hasMessage(pythonMessage);
    }

    @ParameterizedTest
    @MethodSource("pythonErrors")
    void streamsRejectTheSameInputsWithAPositionedMessage(String input, String pythonMessage) {
        // Streams cannot be re-read: the wording is Python's where Jackson's complaint maps onto
        // it, Jackson's otherwise, always with a position.
        for (boolean dedupe : new boolean[] {false, true}) {
            assertThatThrownBy(() -> stream(input, dedupe))
                    .isExactlyInstanceOf(JsonSyntaxException.class)
                    .hasMessageMatching("(?s).+: line \\d+ column \\d+ \\(char \\d+\\)");
        }
    }

    @Test
    void streamMessagesUsePythonsWordsWhereTheyFit() {
        assertThatThrownBy(() -> stream("{\n  \"a\": 1\n  \"b\": 2}", false))
                .hasMessage("Expecting ',' delimiter: line 3 column 3 (char 13)");
        assertThatThrownBy(() -> stream("[1, 2, ]", true)).hasMessage("Expecting value: line 1 column 8 (char 7)");
        assertThatThrownBy(() -> stream("{\"a\" 1}", true))
                .hasMessage("Expecting ':' delimiter: line 1 column 6 (char 5)");
        assertThatThrownBy(() -> stream("{} x", true)).hasMessage("Extra data: line 1 column 4 (char 3)");
        assertThatThrownBy(() -> stream("", true)).hasMessage("Expecting value: line 1 column 1 (char 0)");
    }

    @Test
    void emptyAndByteOrderMarks() {
        assertThatThrownBy(() -> Json.parse("\ufeff{}"))
                .hasMessage("Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThat(Json.parse(withBom)).isEqualTo(JsonObject.EMPTY);
        assertThatThrownBy(() -> Json.parse(new byte[0])).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void numbersKeepTheirKind() {
        for (Function<String, JsonValue> read : READERS) {
            assertThat(read.apply("1")).isEqualTo(JsonInt.of(1));
            assertThat(read.apply("-0")).isEqualTo(JsonInt.of(0));
            assertThat(read.apply("1.0")).isEqualTo(JsonFloat.of(1.0));
            assertThat(read.apply("-0.0")).isEqualTo(JsonFloat.of(-0.0)).isNotEqualTo(JsonFloat.of(0.0));
            assertThat(read.apply("1E2")).isEqualTo(JsonFloat.of(100.0));
            assertThat(read.apply("1e400")).isEqualTo(JsonFloat.of(Double.POSITIVE_INFINITY));
            assertThat(read.apply("-1e400")).isEqualTo(JsonFloat.of(Double.NEGATIVE_INFINITY));
            assertThat(read.apply("1e-400")).isEqualTo(JsonFloat.of(0.0));
            assertThat(read.apply("123456789012345678901234567890"))
                    .isEqualTo(new JsonInt(new BigInteger("123456789012345678901234567890")));
            assertThat(read.apply("[9223372036854775807,-9223372036854775808,9223372036854775808]"))
                    .isEqualTo(JsonArray.of(
                            JsonInt.of(Long.MAX_VALUE),
                            JsonInt.of(Long.MIN_VALUE),
                            new JsonInt(BigInteger.ONE.shiftLeft(63))));
        }
        String fiveThousandDigits = "9".repeat(5000);
        assertThat(Json.parse(fiveThousandDigits)).isEqualTo(new JsonInt(new BigInteger(fiveThousandDigits)));
    }

    @Test
    void nonFiniteTokensParseToNonFiniteFloats() {
        for (Function<String, JsonValue> read : READERS) {
            JsonArray values = (JsonArray) read.apply("[NaN, Infinity, -Infinity]");
            assertThat(((JsonFloat) values.get(0)).value()).isNaN();
            assertThat(((JsonFloat) values.get(1)).value()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(((JsonFloat) values.get(2)).value()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(((JsonFloat) values.get(0)).isFinite()).isFalse();
        }
    }

    @Test
    void duplicateKeysKeepTheFirstPositionAndTheLastValue() {
        for (Function<String, JsonValue> read : READERS) {
            JsonObject object = (JsonObject) read.apply("{\"a\":1,\"b\":2,\"a\":3,\"c\":{\"x\":1,\"x\":[2]}}");
            assertThat(object.keys()).containsExactly("a", "b", "c");
            assertThat(object.get("a")).isEqualTo(JsonInt.of(3));
            assertThat(object.get("c")).isEqualTo(JsonObject.of("x", JsonArray.of(JsonInt.of(2))));
            JsonObject many = (JsonObject)
                    read.apply("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,"
                            + "\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k1\":99}");
            assertThat(many.keys()).hasSize(14).startsWith("k0", "k1", "k2");
            assertThat(many.get("k1")).isEqualTo(JsonInt.of(99));
        }
    }

    @Test
    void whitespaceControlCharactersAndEscapes() {
        for (Function<String, JsonValue> read : READERS) {
            assertThat(read.apply(" \t\r\n{\"a\" : [ ] }\n ")).isEqualTo(JsonObject.of("a", JsonArray.EMPTY));
            assertThat(read.apply("\"\\/\\\"\\\\\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""))
                    .isEqualTo(JsonString.of("/\"\\\b\f\n\r\té😀"));
            assertThat(read.apply("\"\u007f\u2028 raw é 😀\"")).isEqualTo(JsonString.of("\u007f\u2028 raw é 😀"));
        }
        for (String bad : List.of("[\"\u0000\"]", "[\"\n\"]", "\u000b1", "[1,\f2]")) {
            for (Function<String, JsonValue> read : READERS) {
                assertThatThrownBy(() -> read.apply(bad)).isExactlyInstanceOf(JsonSyntaxException.class);
            }
        }
    }

    @Test
    void unpairedSurrogatesAreAcceptedInNamesAndValuesLikePython() {
        String text = "{\"\\ud800\":\"\\udc00\",\"a\\udbff\":[\"\\\\ud800\"],\"\\ud83d\\ude00\\ud83d\":1}";
        JsonObject expected = JsonObject.builder()
                .put("\ud800", "\udc00")
                .put("a\udbff", JsonArray.of(JsonString.of("\\ud800")))
                .put("😀\ud83d", 1L)
                .build();
        for (Function<String, JsonValue> read : READERS) {
            JsonValue value = read.apply(text);
            assertThat(value).isEqualTo(expected);
            assertThat(((JsonObject) value).keys()).containsExactly("\ud800", "a\udbff", "😀\ud83d");
            assertThat(read.apply(Json.write(value))).isEqualTo(expected);
        }
    }

    @Test
    void malformedUtf8() {
        byte[] bad = {'[', '"', (byte) 0xFF, '"', ']'};
        assertThatThrownBy(() -> Json.parse(bad)).isExactlyInstanceOf(JsonSyntaxException.class);
        assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bad))).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void limitsAreGenerousAndNestingNeedsNoRecursion() {
        String deep = "[".repeat(Json.MAX_DEPTH) + "1" + "]".repeat(Json.MAX_DEPTH);
        for (Function<String, JsonValue> read : READERS) {
            JsonValue value = read.apply(deep);
            int depth = 0;
            while (value instanceof JsonArray array) {
                value = array.get(0);
                depth++;
            }
            assertThat(depth).isEqualTo(Json.MAX_DEPTH);
            assertThat(value).isEqualTo(JsonInt.of(1));
        }
        String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        for (Function<String, JsonValue> read : READERS) {
            assertThatThrownBy(() -> read.apply(tooDeep))
                    .isExactlyInstanceOf(JsonDepthException.class)
                    .hasMessage("JSON nesting exceeds the limit of 1000 levels.");
        }
        String document = "[\"" + "x".repeat(21_000_000) + "\"]";
        assertThat(((JsonString) ((JsonArray) Json.parse(document)).get(0)).value())
                .hasSize(21_000_000);
        assertThat(((JsonString) ((JsonArray) stream(document, true)).get(0)).value())
                .hasSize(21_000_000);
    }

    @Test
    void streamsAreNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(Json.parse(in)).isEqualTo(JsonObject.of("a", JsonInt.of(1)));
        assertThat(closed[0]).isFalse();
    }

    @Test
    void deduplicationSharesEqualSubtreesAndKeepsKeyOrder() {
        String text = "{\"a\":{\"p\":{\"x\":1.5,\"y\":[1,2]}},\"b\":{\"p\":{\"x\":1.5,\"y\":[1,2]}},"
                + "\"c\":\"s\",\"d\":\"s\",\"e\":1.0,\"f\":1.00,\"g\":{\"k\":1,\"l\":2},\"h\":{\"l\":2,\"k\":1},"
                + "\"i\":[{\"l\":2,\"k\":1}],\"j\":[{\"k\":1,\"l\":2}]}";
        JsonObject plain = (JsonObject) Json.parse(text);
        JsonObject shared = (JsonObject) stream(text, true);
        assertThat(shared).isEqualTo(plain);
        assertThat(Json.write(shared)).isEqualTo(Json.write(plain));
        assertThat(shared.get("a")).isSameAs(shared.get("b"));
        assertThat(shared.get("c")).isSameAs(shared.get("d"));
        assertThat(shared.get("e")).isSameAs(shared.get("f"));
        assertThat(plain.get("a")).isNotSameAs(plain.get("b"));
        // Equal objects with different key order stay distinct, at any depth.
        assertThat(((JsonObject) shared.get("g")).keys()).containsExactly("k", "l");
        assertThat(((JsonObject) shared.get("h")).keys()).containsExactly("l", "k");
        assertThat(((JsonObject) ((JsonArray) shared.get("i")).get(0)).keys()).containsExactly("l", "k");
        assertThat(((JsonObject) ((JsonArray) shared.get("j")).get(0)).keys()).containsExactly("k", "l");
        assertThat(((JsonArray) shared.get("j")).get(0)).isSameAs(shared.get("g"));
    }

    @Test
    void deduplicationCollapsesRepeatedSnapshots() {
        StringBuilder text = new StringBuilder("{\"history\":[");
        int snapshots = 300;
        for (int s = 0; s < snapshots; s++) {
            text.append(s == 0 ? "" : ",").append("{\"step\":").append(s).append(",\"objects\":{");
            for (int o = 0; o <= s; o++) {
                text.append(o == 0 ? "" : ",")
                        .append("\"obj-")
                        .append(o)
                        .append("\":{\"id\":\"obj-")
                        .append(o)
                        .append("\",\"pose\":{\"x\":")
                        .append(o * 0.01)
                        .append(",\"y\":0.5,\"z\":-0.02}}");
            }
            text.append("}}");
        }
        text.append("]}");
        JsonValue plain = Json.parse(text.toString());
        JsonValue shared = stream(text.toString(), true);
        assertThat(shared).isEqualTo(plain);
        int occurrences = snapshots * (snapshots + 1) / 2;
        assertThat(countObjects(plain, false)).isGreaterThan(2 * occurrences);
        // The root, then per snapshot its entry and objects map, and one object and pose per scene object.
        assertThat(countObjects(shared, true)).isEqualTo(1 + 4 * snapshots);
    }

    /** JsonObject instances reachable from {@code root}, distinct by identity or counted per visit. */
    private static int countObjects(JsonValue root, boolean distinct) {
        Map<JsonValue, Boolean> seen = new IdentityHashMap<>();
        List<JsonValue> work = new ArrayList<>(List.of(root));
        int count = 0;
        while (!work.isEmpty()) {
            JsonValue value = work.remove(work.size() - 1);
            if (distinct && seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (value instanceof JsonObject o) {
                count++;
                work.addAll(o.members().values());
            } else if (value instanceof JsonArray a) {
                work.addAll(a.items());
            }
        }
        return count;
    }

    @Test
    void randomTreesRoundTripThroughEveryEntryPoint() throws IOException {
        SplittableRandom random = new SplittableRandom(20_261_124);
        for (int i = 0; i < 2500; i++) {
            JsonValue tree = randomValue(random, 0);
            String text = Json.write(tree);
            for (Function<String, JsonValue> read : READERS) {
                JsonValue back = read.apply(text);
                assertThat(back).as(text).isEqualTo(tree);
                assertThat(Json.write(back)).isEqualTo(text);
            }
            assertThat(Json.parse(Json.writePretty(tree))).isEqualTo(tree);
        }
    }

    @Test
    void noJacksonExceptionEverEscapes() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "{}[],:\"\\ u0123456789.eE+-tfnNIa\t\n\u0001xé😀";
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder(Json.write(randomValue(random, 0)));
            for (int edits = random.nextInt(1, 4); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                if (random.nextBoolean() && at < text.length()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            for (Function<String, JsonValue> read : READERS) {
                try {
                    read.apply(text.toString());
                } catch (JsonSyntaxException expected) {
                    assertThat(expected.getMessage()).contains("line ");
                }
            }
        }
    }

    static JsonValue randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> JsonString.of(randomString(random));
            case 1 -> JsonInt.of(random.nextLong() >> random.nextInt(64));
            case 2 ->
                random.nextInt(10) == 0
                        ? new JsonInt(new BigInteger(random.nextInt(65, 200), new java.util.Random(random.nextLong())))
                        : JsonInt.of(random.nextInt(-3, 300));
            case 3 -> {
                double d = random.nextBoolean()
                        ? Double.longBitsToDouble(random.nextLong())
                        : Math.round(random.nextDouble(-1000, 1000) * 100) / 100.0;
                yield JsonFloat.of(Double.isFinite(d) ? d : random.nextDouble());
            }
            case 4 -> JsonBool.of(random.nextBoolean());
            case 5 -> JsonNull.INSTANCE;
            case 6 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    items.add(randomValue(random, depth + 1));
                }
                yield JsonArray.copyOf(items);
            }
            default -> {
                JsonObject.Builder b = JsonObject.builder();
                for (int n = random.nextInt(5); n > 0; n--) {
                    b.put(randomString(random), randomValue(random, depth + 1));
                }
                yield b.build();
            }
        };
    }

    /** Mostly ASCII, with escapes, non-BMP characters and unpaired surrogates. */
    static String randomString(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0, 0x20));
                case 1 -> s.append((char) random.nextInt(0x80, 0x10000));
                case 2 -> s.appendCodePoint(random.nextInt(0x10000, 0x110000));
                case 3 -> s.append("\"\\/");
                default -> s.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return s.toString();
    }
}
