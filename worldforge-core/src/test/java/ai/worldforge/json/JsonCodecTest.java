package ai.worldforge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The canonical codec against golden tables produced by CPython ({@code tools/golden/json_golden.py}):
 * float {@code repr}, compact sorted ASCII output, {@code indent=2} output; plus parser tolerance
 * and round trips. Behaviour 15 of upstream-core.md §9.
 */
class JsonCodecTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = JsonCodecTest.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
            return out;
        }
    }

    @Test
    void floatsMatchPythonReprOnTheGoldenTable() throws IOException {
        List<String> golden = lines("float-repr-golden.txt");
        assertThat(golden).hasSizeGreaterThan(20_000);
        List<String> mismatches = new ArrayList<>();
        for (String line : golden) {
            int space = line.indexOf(' ');
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, space), 16));
            String expected = line.substring(space + 1);
            String actual = Json.formatDouble(value);
            if (!actual.equals(expected)) {
                mismatches.add(expected + " != " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void knownFloatTexts() {
        assertThat(Json.formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Json.formatDouble(1e-5)).isEqualTo("1e-05");
        assertThat(Json.formatDouble(1e16)).isEqualTo("1e+16");
        assertThat(Json.formatDouble(1.0)).isEqualTo("1.0");
        assertThat(Json.formatDouble(-0.0)).isEqualTo("-0.0");
        assertThat(Json.formatDouble(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(Json.formatDouble(1234567890123456.0)).isEqualTo("1234567890123456.0");
    }

    @Test
    void canonicalOutputMatchesPythonDumps() throws IOException {
        List<String> inputs = lines("canonical-input.txt");
        List<String> expected = lines("canonical-expected.txt");
        assertThat(inputs).hasSameSizeAs(expected);
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(Json.write(Json.parse(inputs.get(i))))
                    .as("line %d", i + 1)
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void prettyOutputMatchesPythonIndent2() throws IOException {
        List<String> inputs = lines("canonical-input.txt");
        String all = String.join("\n", lines("pretty-expected.txt"));
        String[] expected = all.split("\n----\n", -1);
        assertThat(expected).hasSameSizeAs(inputs.toArray());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(Json.writePretty(Json.parse(inputs.get(i))))
                    .as("document %d", i + 1)
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void nonFiniteNumbersAreRefusedOnWrite() {
        assertThatThrownBy(() -> Json.write(JsonObject.of("x", JsonFloat.of(Double.NaN))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
        assertThatThrownBy(() -> Json.write(JsonArray.of(JsonFloat.of(Double.NEGATIVE_INFINITY))))
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
    }

    @Test
    void intsStayInts() {
        assertThat(Json.write(Json.parse("{\"x\":1}"))).isEqualTo("{\"x\":1}");
        assertThat(Json.parse("1")).isInstanceOf(JsonInt.class);
        assertThat(Json.parse("1.0")).isInstanceOf(JsonFloat.class);
        assertThat(Json.write(Json.parse("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void parserToleranceAndErrors() {
        assertThat(((JsonFloat) Json.parse("NaN")).isFinite()).isFalse();
        assertThat(((JsonFloat) ((JsonArray) Json.parse("[-Infinity]")).get(0)).value())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        JsonObject duplicate = (JsonObject) Json.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertThat(duplicate.keys()).containsExactly("a", "b");
        assertThat(duplicate.get("a")).isEqualTo(JsonInt.of(3));
        assertThat(Json.parse("  {\"a\":[]}  \n")).isEqualTo(JsonObject.of("a", JsonArray.EMPTY));
        for (String broken :
                List.of("{broken", "[1,]", "1 2", "", "   ", "{\"a\" 1}", "\"unterminated", "[\"\u0001\"]")) {
            assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(JsonSyntaxException.class);
        }
    }

    @Test
    void deduplicatingParseSharesEqualSubtrees() throws IOException {
        String text =
                "{\"a\":{\"p\":{\"x\":1.5,\"y\":[1,2]}},\"b\":{\"p\":{\"x\":1.5,\"y\":[1,2]}},\"c\":\"s\",\"d\":\"s\"}";
        JsonObject plain = (JsonObject) Json.parse(text);
        JsonObject shared =
                (JsonObject) Json.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(shared).isEqualTo(plain);
        assertThat(shared.get("a")).isSameAs(shared.get("b"));
        assertThat(shared.get("c")).isSameAs(shared.get("d"));
        assertThat(plain.get("a")).isNotSameAs(plain.get("b"));
    }

    @Test
    void randomTreesRoundTrip() {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 2000; i++) {
            JsonValue tree = randomValue(random, 0);
            String text = Json.write(tree);
            assertThat(Json.parse(text)).as(text).isEqualTo(tree);
            assertThat(Json.parse(Json.writePretty(tree))).isEqualTo(tree);
        }
    }

    private static JsonValue randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> {
                StringBuilder s = new StringBuilder();
                for (int n = random.nextInt(6); n > 0; n--) {
                    s.append((char) random.nextInt(0, random.nextBoolean() ? 128 : 0xD800));
                }
                yield JsonString.of(s.toString());
            }
            case 1 -> JsonInt.of(random.nextLong());
            case 2 -> {
                double d = Double.longBitsToDouble(random.nextLong());
                yield JsonFloat.of(Double.isFinite(d) ? d : random.nextDouble());
            }
            case 3 -> JsonBool.of(random.nextBoolean());
            case 4 -> JsonNull.INSTANCE;
            case 5 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    items.add(randomValue(random, depth + 1));
                }
                yield JsonArray.copyOf(items);
            }
            default -> {
                JsonObject.Builder b = JsonObject.builder();
                for (int n = random.nextInt(4); n > 0; n--) {
                    b.put("k" + random.nextInt(10) + (char) random.nextInt(32, 0x300), randomValue(random, depth + 1));
                }
                yield b.build();
            }
        };
    }
}
