package ai.worldforge.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonSpacedSortedTest {
    @Test
    void matchesPythonDefaultSeparators() {
        // Python: json.dumps({"b": [1, 2.5, None], "a": {"y": "\u00e9", "x": True}, "c": [], "d": {}}, sort_keys=True)
        JsonValue value =
                Json.parse("{\"b\": [1, 2.5, null], \"a\": {\"y\": \"\u00e9\", \"x\": true}, \"c\": [], \"d\": {}}");
        assertThat(Json.writeSpacedSorted(value))
                .isEqualTo("{\"a\": {\"x\": true, \"y\": \"\\u00e9\"}, \"b\": [1, 2.5, null], \"c\": [], \"d\": {}}");
    }
}
