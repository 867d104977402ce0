package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import org.junit.jupiter.api.Test;

/** Behaviours 17–19 of upstream-core.md §9 and the verified examples of §1.6. */
class RedactionTest {

    @Test
    void targetsLoseCredentialsQueryAndFragment() {
        assertThat(Redaction.sanitizeTarget("https://user:pw@host.example.com:8443/v1/tasks?token=abc#frag"))
                .isEqualTo("https://host.example.com:8443/v1/tasks");
        assertThat(Redaction.sanitizeTarget("/v1/tasks?sig=1")).isEqualTo("/v1/tasks");
        assertThat(Redaction.sanitizeTarget("s3://bucket/key?X-Amz-Signature=abc"))
                .isEqualTo("s3://bucket/key");
        assertThat(Redaction.sanitizeTarget("plain-target")).isEqualTo("plain-target");
        assertThat(Redaction.sanitizeTarget("  ")).isNull();
        assertThat(Redaction.sanitizeTarget(null)).isNull();
        assertThat(Redaction.sanitizeTarget("http://[::1?token=x")).isEqualTo("http://[::1");
        assertThat(Redaction.sanitizeTarget("?token=x")).isEqualTo("[redacted]");
    }

    @Test
    void textRules() {
        assertThat(Redaction.redactText("{'password': 'hunter2', 'user': 'bob'}"))
                .isEqualTo("{'password': '[redacted]', 'user': 'bob'}");
        assertThat(Redaction.redactText("Authorization: Bearer abc.def-123"))
                .isEqualTo("Authorization: [redacted] [redacted]");
        assertThat(Redaction.redactText("signed_url=https://x/y?sig=2")).isEqualTo("signed_url=[redacted]");
        assertThat(Redaction.redactText("x-api-key: k123")).isEqualTo("x-api-key: [redacted]");
        assertThat(Redaction.redactText("see https://a:b@x.io/p?q=1 now")).isEqualTo("see https://x.io/p now");
        assertThat(Redaction.redactText("my token is abc")).isEqualTo("my token is abc");
        assertThat(Redaction.redactText("Bearer abc")).isEqualTo("Bearer [redacted]");
        assertThat(Redaction.redactText("api_key=sk-123&x=1")).isEqualTo("api_key=[redacted]&x=1");
        assertThat(Redaction.redactText("token: \"abc\"")).isEqualTo("token: \"[redacted]\"");
        String clean = "nothing to hide";
        assertThat(Redaction.redactText(clean)).isSameAs(clean);
    }

    @Test
    void secretNamedKeysAreReplacedRecursively() {
        JsonObject input = (JsonObject) Json.parse("{\"api_key\":\"x\",\"nested\":{\"Authorization\":\"y\","
                + "\"ok\":\"token=abc\",\"list\":[\"Bearer zz\"]},\"SIGNED-URL\":3,\"plain\":1}");
        assertThat(Json.write(Redaction.redactValue(input)))
                .isEqualTo("{\"SIGNED-URL\":\"[redacted]\",\"api_key\":\"[redacted]\",\"nested\":{\"Authorization\":"
                        + "\"[redacted]\",\"list\":[\"Bearer [redacted]\"],\"ok\":\"token=[redacted]\"},\"plain\":1}");
        JsonObject safe = JsonObject.of("steps", JsonString.of("two"));
        assertThat(Redaction.redactValue(safe)).isSameAs(safe);
    }
}
