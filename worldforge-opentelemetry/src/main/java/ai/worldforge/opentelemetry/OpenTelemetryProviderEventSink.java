package ai.worldforge.opentelemetry;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns each {@link ProviderEvent} into one OpenTelemetry span (the reference's {@code
 * OpenTelemetryProviderEventSink}).
 *
 * <p>The span is named {@code "{prefix}.{provider}.{operation}.{phase}"} (prefix {@value
 * #DEFAULT_SPAN_NAME_PREFIX} by default), is a child of the span current on the calling thread
 * (if any), carries the bounded attribute set of {@link #spanAttributes} plus the host's extra
 * attributes as {@code worldforge.host.<key>}, and is started and ended at once. Spans for the
 * {@code failure} and {@code budget_exceeded} phases get {@link StatusCode#ERROR} status.
 *
 * <p>Every attribute comes from the already-redacted event; extra attributes are redacted once at
 * construction. Nothing request-specific beyond the event's sanitised fields is attached.
 *
 * <p>The tracer is either injected (recommended) or, when none is given, resolved on the first
 * event from {@code GlobalOpenTelemetry.getTracer("worldforge")}. Resolving late lets a host
 * build the sink before it installs its global SDK: reading {@code GlobalOpenTelemetry} early
 * would freeze it to the no-op implementation.
 *
 * <p>Immutable configuration, thread-safe.
 */
public final class OpenTelemetryProviderEventSink implements ProviderEventHandler {
    /** The default span-name prefix. */
    public static final String DEFAULT_SPAN_NAME_PREFIX = "worldforge.provider";

    /** The instrumentation scope name used when the tracer is resolved globally. */
    public static final String INSTRUMENTATION_SCOPE_NAME = "worldforge";

    private static final String HOST_PREFIX = "worldforge.host.";

    private final @Nullable Tracer injectedTracer;
    private final String spanNamePrefix;
    private final Attributes hostAttributes;
    private volatile @Nullable Tracer globalTracer;

    private OpenTelemetryProviderEventSink(Builder builder) {
        String prefix = builder.spanNamePrefix == null ? "" : builder.spanNamePrefix.strip();
        if (prefix.isEmpty()) {
            throw new WorldForgeException(
                    "OpenTelemetryProviderEventSink span_name_prefix must be a non-empty string.");
        }
        this.injectedTracer = builder.tracer;
        this.spanNamePrefix = prefix;
        this.hostAttributes = hostAttributes(builder.extraAttributes.build());
    }

    /** A sink on an injected tracer with the default prefix and no extra attributes. */
    public static OpenTelemetryProviderEventSink of(Tracer tracer) {
        return builder().tracer(tracer).build();
    }

    /** A builder: no tracer (global fallback), the default prefix and no extra attributes. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bounded, redacted span attributes of an event (the reference's {@code
     * provider_event_span_attributes}).
     *
     * <ul>
     *   <li>Always: {@code worldforge.provider}, {@code .operation}, {@code .phase}, {@code
     *       .attempt} and {@code .max_attempts} (longs).
     *   <li>When set: {@code worldforge.duration_ms} (double), {@code .run_id}, {@code
     *       .request_id}, {@code .trace_id}, {@code .span_id}, {@code .artifact_id}, {@code
     *       .input_digest}, {@code http.request.method}, {@code http.response.status_code} (long),
     *       {@code url.full} (the sanitised target), {@code worldforge.status_class} ({@code 5xx})
     *       and {@code worldforge.capability} (the raw {@code metadata.capability} scalar, not
     *       filtered to known capabilities).
     *   <li>{@code worldforge.message} when the message is not empty and {@code
     *       worldforge.metadata_json} (canonical JSON) when the metadata is not empty.
     * </ul>
     */
    public static Attributes spanAttributes(ProviderEvent event) {
        AttributesBuilder out = Attributes.builder();
        ProviderEventSpanAttributes.append(out, event);
        return out.build();
    }

    /** The span-name prefix, stripped. */
    public String spanNamePrefix() {
        return spanNamePrefix;
    }

    /** The redacted host attributes added to every span, keys already prefixed. */
    public Attributes hostAttributes() {
        return hostAttributes;
    }

    /** Starts and ends one span for {@code event}. */
    @Override
    public void handle(ProviderEvent event) {
        AttributesBuilder attributes = Attributes.builder();
        ProviderEventSpanAttributes.append(attributes, event);
        attributes.putAll(hostAttributes);
        String name = spanNamePrefix + '.' + event.provider() + '.' + event.operation() + '.' + event.phase();
        // Attributes go on the builder rather than the started span so samplers can see them.
        Span span =
                tracer().spanBuilder(name).setAllAttributes(attributes.build()).startSpan();
        try {
            if (isError(event.phase())) {
                // The reference leaves the status unset; an error status is what trace backends
                // alert and filter on.
                span.setStatus(StatusCode.ERROR, event.phase());
            }
        } finally {
            span.end();
        }
    }

    private static boolean isError(String phase) {
        return phase.equals("failure") || phase.equals("budget_exceeded");
    }

    private Tracer tracer() {
        if (injectedTracer != null) {
            return injectedTracer;
        }
        Tracer tracer = globalTracer;
        if (tracer == null) {
            // A benign race: concurrent first events may both resolve; either result is valid.
            tracer = GlobalOpenTelemetry.getTracer(INSTRUMENTATION_SCOPE_NAME);
            globalTracer = tracer;
        }
        return tracer;
    }

    private static Attributes hostAttributes(JsonObject extras) {
        JsonValue redacted = Redaction.redactValue(extras);
        try {
            // Validates once that the extras are finite JSON, like the reference's require_json_dict.
            Json.write(redacted);
        } catch (WorldForgeException e) {
            throw new WorldForgeException(
                    "OpenTelemetryProviderEventSink extra_attributes must contain only JSON-compatible values.", e);
        }
        AttributesBuilder out = Attributes.builder();
        for (Map.Entry<String, JsonValue> entry :
                ((JsonObject) redacted).members().entrySet()) {
            String key = HOST_PREFIX + entry.getKey();
            if (!ProviderEventSpanAttributes.putScalar(out, key, entry.getValue())) {
                // Null, objects and arrays become canonical JSON text, as in the reference.
                out.put(AttributeKey.stringKey(key), entry.getValue().toCanonicalJson());
            }
        }
        return out.build();
    }

    /**
     * Builder for {@link OpenTelemetryProviderEventSink}. Not thread-safe; the built sink is.
     */
    public static final class Builder {
        private @Nullable Tracer tracer;
        private @Nullable String spanNamePrefix = DEFAULT_SPAN_NAME_PREFIX;
        private final JsonObject.Builder extraAttributes = JsonObject.builder();

        private Builder() {}

        /**
         * The tracer to use; {@code null} (the default) resolves {@code
         * GlobalOpenTelemetry.getTracer("worldforge")} on the first event.
         */
        public Builder tracer(@Nullable Tracer value) {
            tracer = value;
            return this;
        }

        /** The span-name prefix (stripped; must not be blank). */
        public Builder spanNamePrefix(@Nullable String value) {
            spanNamePrefix = value;
            return this;
        }

        /**
         * Adds host attributes (for instance a service or job name), emitted on every span as
         * {@code worldforge.host.<key>}: scalars as themselves, other values as canonical JSON.
         * They are redacted when the sink is built. Keep them low-cardinality.
         */
        public Builder extraAttributes(JsonObject values) {
            values.members().forEach(extraAttributes::put);
            return this;
        }

        /** Adds one string host attribute; see {@link #extraAttributes}. */
        public Builder extraAttribute(String key, String value) {
            extraAttributes.put(key, JsonString.of(value));
            return this;
        }

        /**
         * Builds the sink.
         *
         * @throws WorldForgeException when the prefix is blank or an extra attribute holds a
         *     non-finite number
         */
        public OpenTelemetryProviderEventSink build() {
            return new OpenTelemetryProviderEventSink(this);
        }
    }
}
