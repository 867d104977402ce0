package ai.worldforge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting: documents and values may nest {@link Json#MAX_DEPTH} levels and every walk over
 * them (parsers, writers, equality, hashing, finiteness) finishes on a small thread stack; one
 * level more is a {@link JsonDepthException}, never a {@code StackOverflowError}.
 */
class JsonDepthTest {
    /** Half the JVM's default thread stack on 64-bit Linux: the walks must leave room to spare. */
    static final long SMALL_STACK = 512 * 1024;

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"k\":".repeat(depth - 1) + "{\"x\":1.5}" + "}".repeat(depth - 1);
    }

    /** Runs {@code body} on a thread with a {@link #SMALL_STACK} stack and rethrows what it threw. */
    static void onSmallStack(Runnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        body.run();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                SMALL_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void documentsAtTheLimitParseAndEveryWalkFinishesOnASmallStack() throws Throwable {
        onSmallStack(() -> {
            for (String text : new String[] {nestedArrays(Json.MAX_DEPTH), nestedObjects(Json.MAX_DEPTH)}) {
                JsonValue fromText = Json.parse(text);
                JsonValue fromBytes = Json.parse(text.getBytes(StandardCharsets.US_ASCII));
                JsonValue fromStream;
                JsonValue deduplicated;
                try {
                    fromStream = Json.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
                    deduplicated = Json.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), true);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                assertThat(fromText.depth()).isEqualTo(Json.MAX_DEPTH);
                assertThat(fromBytes).isEqualTo(fromText).hasSameHashCodeAs(fromText);
                assertThat(fromStream).isEqualTo(fromText);
                assertThat(deduplicated).isEqualTo(fromText);
                assertThat(Json.write(fromText)).isEqualTo(text);
                assertThat(fromText.toString()).isEqualTo(text);
                assertThat(Json.writeSpacedSorted(fromText)).hasSizeGreaterThan(text.length() - 1);
                assertThat(Json.writePretty(fromText)).startsWith(text.substring(0, 1));
                if (fromText instanceof JsonObject object) {
                    assertThat(object.allNumbersFinite()).isTrue();
                }
            }
        });
    }

    @Test
    void oneLevelTooDeepIsADepthErrorOnEveryParsePath() {
        for (String text : new String[] {nestedArrays(Json.MAX_DEPTH + 1), nestedObjects(Json.MAX_DEPTH + 1)}) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> Json.parse(text))
                    .isInstanceOf(JsonDepthException.class)
                    .hasMessage("JSON nesting exceeds the limit of 1000 levels.");
            assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOf(JsonDepthException.class);
            assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(JsonDepthException.class);
            assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bytes), true))
                    .isInstanceOf(JsonDepthException.class);
        }
    }

    @Test
    void absurdlyDeepDocumentsFailFastWithoutOverflowingTheStack() throws Throwable {
        // 5,000–9,000 levels used to pass the parser and overflow later walks.
        for (int depth : new int[] {5_000, 9_000, 200_000}) {
            String text = nestedArrays(depth);
            onSmallStack(() -> assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonDepthException.class));
        }
    }

    @Test
    void valuesCannotBeBuiltDeeperThanTheLimit() {
        JsonValue value = JsonFloat.of(1.0);
        for (int i = 0; i < Json.MAX_DEPTH; i++) {
            value = i % 2 == 0 ? JsonArray.of(value) : JsonObject.of("k", value);
        }
        assertThat(value.depth()).isEqualTo(Json.MAX_DEPTH);
        JsonValue atLimit = value;
        assertThatThrownBy(() -> JsonArray.of(atLimit))
                .isInstanceOf(JsonDepthException.class)
                .hasMessage("JSON nesting of 1001 levels exceeds the limit of 1000 levels.");
        assertThatThrownBy(() -> JsonObject.of("k", atLimit)).isInstanceOf(JsonDepthException.class);
        assertThatThrownBy(() -> JsonObject.builder().put("k", atLimit).build()).isInstanceOf(JsonDepthException.class);
    }

    @Test
    void depthCountsTheDeepestBranch() {
        assertThat(JsonString.of("x").depth()).isZero();
        assertThat(JsonArray.EMPTY.depth()).isEqualTo(1);
        assertThat(JsonObject.EMPTY.depth()).isEqualTo(1);
        JsonValue mixed = Json.parse("{\"a\":[1,[2,[3]]],\"b\":{},\"c\":\"s\"}");
        assertThat(mixed.depth()).isEqualTo(4);
        assertThat(Json.parse("[[],[[]],1]").depth()).isEqualTo(3);
    }
}
