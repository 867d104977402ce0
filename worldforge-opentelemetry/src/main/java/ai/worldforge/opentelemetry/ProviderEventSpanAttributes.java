package ai.worldforge.opentelemetry;

import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The bounded span attribute set of a provider event (the reference's {@code
 * provider_event_span_attributes}), plus the conversion of JSON scalars to attribute values.
 * Package-private: the public entry point is {@link OpenTelemetryProviderEventSink#spanAttributes}.
 */
final class ProviderEventSpanAttributes {
    // Keys are created once: the sink runs on every provider call.
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("worldforge.provider");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("worldforge.operation");
    static final AttributeKey<String> PHASE = AttributeKey.stringKey("worldforge.phase");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("worldforge.attempt");
    static final AttributeKey<Long> MAX_ATTEMPTS = AttributeKey.longKey("worldforge.max_attempts");
    static final AttributeKey<Double> DURATION_MS = AttributeKey.doubleKey("worldforge.duration_ms");
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("worldforge.run_id");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("worldforge.request_id");
    static final AttributeKey<String> TRACE_ID = AttributeKey.stringKey("worldforge.trace_id");
    static final AttributeKey<String> SPAN_ID = AttributeKey.stringKey("worldforge.span_id");
    static final AttributeKey<String> ARTIFACT_ID = AttributeKey.stringKey("worldforge.artifact_id");
    static final AttributeKey<String> INPUT_DIGEST = AttributeKey.stringKey("worldforge.input_digest");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("worldforge.status_class");
    static final String CAPABILITY = "worldforge.capability";
    static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("worldforge.message");
    static final AttributeKey<String> METADATA_JSON = AttributeKey.stringKey("worldforge.metadata_json");

    private ProviderEventSpanAttributes() {}

    /** Adds the event's attributes to {@code out}; optional ones only when set. */
    static void append(AttributesBuilder out, ProviderEvent event) {
        out.put(PROVIDER, event.provider())
                .put(OPERATION, event.operation())
                .put(PHASE, event.phase())
                .put(ATTEMPT, (long) event.attempt())
                .put(MAX_ATTEMPTS, (long) event.maxAttempts());
        Double duration = event.durationMs();
        if (duration != null) {
            out.put(DURATION_MS, duration.doubleValue());
        }
        putIfSet(out, RUN_ID, event.runId());
        putIfSet(out, REQUEST_ID, event.requestId());
        putIfSet(out, TRACE_ID, event.traceId());
        putIfSet(out, SPAN_ID, event.spanId());
        putIfSet(out, ARTIFACT_ID, event.artifactId());
        putIfSet(out, INPUT_DIGEST, event.inputDigest());
        putIfSet(out, HTTP_METHOD, event.method());
        Integer status = event.statusCode();
        if (status != null) {
            out.put(HTTP_STATUS_CODE, status.longValue());
            out.put(STATUS_CLASS, (status / 100) + "xx");
        }
        putIfSet(out, URL_FULL, event.target());
        // Raw, like the reference: unlike the metric label, the span attribute is not filtered
        // to the known capability names (a span attribute costs no time series).
        JsonValue capability = event.metadata().get("capability");
        if (capability != null) {
            putScalar(out, CAPABILITY, capability);
        }
        if (!event.message().isEmpty()) {
            out.put(MESSAGE, event.message());
        }
        if (!event.metadata().isEmpty()) {
            out.put(METADATA_JSON, event.metadata().toCanonicalJson());
        }
    }

    /**
     * Puts a JSON scalar with its natural attribute type (string, boolean, long, double) and
     * returns whether it was one. An integer outside the {@code long} range becomes its decimal
     * text, since attributes cannot hold it.
     */
    static boolean putScalar(AttributesBuilder out, String key, JsonValue value) {
        if (value instanceof JsonString s) {
            out.put(AttributeKey.stringKey(key), s.value());
        } else if (value instanceof JsonBool b) {
            out.put(AttributeKey.booleanKey(key), b.value());
        } else if (value instanceof JsonInt i) {
            if (i.fitsLong()) {
                out.put(AttributeKey.longKey(key), i.longValue());
            } else {
                out.put(AttributeKey.stringKey(key), i.value().toString());
            }
        } else if (value instanceof JsonFloat f) {
            out.put(AttributeKey.doubleKey(key), f.value());
        } else {
            return false;
        }
        return true;
    }

    private static void putIfSet(AttributesBuilder out, AttributeKey<String> key, @Nullable String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
