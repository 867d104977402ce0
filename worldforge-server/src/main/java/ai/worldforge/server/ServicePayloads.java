package ai.worldforge.server;

import ai.worldforge.DoctorReport;
import ai.worldforge.Prediction;
import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.ProviderHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of the service host's routes (the reference's {@code readiness_snapshot}, {@code
 * provider_list_payload}, {@code mock_prediction_payload}, {@code generate_payload} and {@code
 * public_error_payload}). Pure functions of a forge and their inputs, so an embedding host can
 * serve them from any HTTP stack.
 */
public final class ServicePayloads {
    /** Readiness status when the provider is registered and healthy. */
    public static final String READY = "ready";

    /** Readiness status when the provider is not registered in this process. */
    public static final String PROVIDER_UNCONFIGURED = "provider_unconfigured";

    /** Readiness status when the provider's health check fails. */
    public static final String PROVIDER_UNHEALTHY = "provider_unhealthy";

    /** The fixed public message of an internal error. */
    public static final String INTERNAL_MESSAGE = "request failed";

    private ServicePayloads() {}

    /**
     * {@code {status, traffic, checks, doctor}}: {@code provider_unconfigured} when {@code
     * provider} is not registered, else {@code provider_unhealthy} when its health check fails,
     * else {@code ready}; traffic {@code accept} only when ready, otherwise {@code drain}.
     */
    public static JsonObject readinessSnapshot(WorldForge forge, String provider) {
        return readinessSnapshot(forge, provider, doctorSummary(forge.doctor(null, true)));
    }

    /**
     * {@link #readinessSnapshot(WorldForge, String)} with a doctor summary computed earlier (the
     * host reuses one for a short while: the doctor lists the state directory, the costliest part
     * of the check). Registration and health of {@code provider} are always read now.
     */
    public static JsonObject readinessSnapshot(WorldForge forge, String provider, JsonObject doctorSummary) {
        boolean configured = forge.providers().contains(provider);
        ProviderHealth health = configured ? forge.providerHealth(provider) : null;
        boolean healthy = health != null && health.healthy();
        String status = !configured ? PROVIDER_UNCONFIGURED : healthy ? READY : PROVIDER_UNHEALTHY;
        JsonObject providerHealth = health != null
                ? health.toJson()
                : JsonObject.builder()
                        .put("name", JsonString.of(provider))
                        .put("healthy", JsonBool.FALSE)
                        .put("latency_ms", JsonFloat.of(0.0))
                        .put("details", JsonString.of("provider is not registered in this host process"))
                        .build();
        JsonObject checks = JsonObject.builder()
                .put("framework_alive", JsonBool.TRUE)
                .put("provider", JsonString.of(provider))
                .put("provider_configured", JsonBool.of(configured))
                .put("provider_healthy", JsonBool.of(healthy))
                .put("provider_health", providerHealth)
                .build();
        return JsonObject.builder()
                .put("status", JsonString.of(status))
                .put("checks", checks)
                .put("traffic", JsonString.of(READY.equals(status) ? "accept" : "drain"))
                .put("doctor", doctorSummary)
                .build();
    }

    /** {@code {providers: [doctor status of each registered provider], summary}}. */
    public static JsonObject providerListPayload(WorldForge forge) {
        DoctorReport report = forge.doctor(null, true);
        List<JsonValue> providers = new ArrayList<>();
        for (ProviderDoctorStatus status : report.providers()) {
            providers.add(status.toJson());
        }
        return JsonObject.builder()
                .put("providers", JsonArray.copyOf(providers))
                .put("summary", doctorSummary(report))
                .build();
    }

    /** {@code {provider_count, registered_provider_count, healthy_provider_count, issue_count, issues}}. */
    public static JsonObject doctorSummary(DoctorReport report) {
        List<JsonValue> issues = new ArrayList<>();
        report.issues().forEach(issue -> issues.add(JsonString.of(issue)));
        return JsonObject.builder()
                .put("provider_count", JsonInt.of(report.providerCount()))
                .put("registered_provider_count", JsonInt.of(report.registeredProviderCount()))
                .put("healthy_provider_count", JsonInt.of(report.healthyProviderCount()))
                .put("issue_count", JsonInt.of(issues.size()))
                .put("issues", JsonArray.copyOf(issues))
                .build();
    }

    /**
     * One deterministic mock prediction on an in-memory world (a cube at (0, 0.5, 0) moved to
     * (0.2, 0.5, 0)); nothing is persisted.
     */
    public static JsonObject mockPredictionPayload(WorldForge forge, String requestId) {
        World world = forge.createWorld("service-smoke", "mock");
        world.addObject(SceneObject.create(
                "cube",
                new Position(0.0, 0.5, 0.0),
                new BBox(new Position(-0.05, 0.45, -0.05), new Position(0.05, 0.55, 0.05))));
        Prediction prediction = world.predict(Action.moveTo(0.2, 0.5, 0.0), 1, "mock");
        return JsonObject.builder()
                .put("request_id", JsonString.of(requestId))
                .put("provider", JsonString.of(prediction.provider()))
                .put("confidence", JsonFloat.of(prediction.confidence()))
                .put("physics_score", JsonFloat.of(prediction.physicsScore()))
                .put(
                        "world",
                        JsonObject.builder()
                                .put("id", JsonString.of(world.id()))
                                .put("object_count", JsonInt.of(world.objectCount()))
                                .put("step", JsonInt.of(world.step()))
                                .build())
                .build();
    }

    /**
     * Runs {@code generate} with the body's {@code prompt} (default {@code service host smoke
     * clip}) and {@code duration_seconds} (default 1.0) on {@code provider}, within {@link
     * ServiceLimits#defaults()}.
     *
     * @throws WorldForgeException {@code generate() duration_seconds must be a finite number.}
     *     when the duration is not a number; a {@link ServiceException} naming the limit when an
     *     input is over it; the core's messages for other bad inputs
     * @throws ProviderException when the provider is not registered or fails
     */
    public static JsonObject generatePayload(WorldForge forge, JsonObject body, String provider, String requestId) {
        return generatePayload(forge, GenerateRequest.of(body, provider, ServiceLimits.defaults()), requestId);
    }

    /**
     * Runs {@code generate} for a validated {@code request}: {@code {request_id, provider,
     * duration_seconds, fps, resolution: [w, h], frame_count, metadata}}.
     *
     * @throws ProviderException when the provider is not registered or fails
     */
    public static JsonObject generatePayload(WorldForge forge, GenerateRequest request, String requestId) {
        String provider = request.provider();
        VideoClip clip = forge.generate(request.prompt(), provider, request.durationSeconds(), null);
        JsonValue clipProvider = clip.metadata().get("provider");
        return JsonObject.builder()
                .put("request_id", JsonString.of(requestId))
                .put("provider", JsonString.of(clipProvider == null ? provider : pythonStr(clipProvider)))
                .put("duration_seconds", JsonFloat.of(clip.durationSeconds()))
                .put("fps", JsonFloat.of(clip.fps()))
                .put("resolution", JsonArray.of(JsonInt.of(clip.width()), JsonInt.of(clip.height())))
                .put("frame_count", JsonInt.of(clip.frameCount()))
                .put("metadata", clip.metadata())
                .build();
    }

    /**
     * The provider a generate body asks for: its {@code provider} member when truthy (as text),
     * else {@code configured}.
     */
    public static String requestedProvider(JsonObject body, String configured) {
        JsonValue value = body.get("provider");
        if (value == null || value instanceof JsonNull || JsonBool.FALSE.equals(value)) {
            return configured;
        }
        if (value instanceof JsonString text) {
            return text.value().isEmpty() ? configured : text.value();
        }
        if ((value instanceof JsonInt number && number.doubleValue() == 0.0)
                || (value instanceof JsonFloat real && real.value() == 0.0)
                || (value instanceof JsonArray array && array.isEmpty())
                || (value instanceof JsonObject object && object.isEmpty())) {
            return configured;
        }
        return pythonStr(value);
    }

    private static String pythonStr(JsonValue value) {
        return value instanceof JsonString text ? text.value() : ai.worldforge.json.Json.writeSpacedSorted(value);
    }

    /**
     * {@code {"error": {type, message, status, request_id}}}: {@code provider_error} for a {@link
     * ProviderException}, the {@link ServiceException}'s own type, {@code validation_error} for
     * any other {@link WorldForgeException}, else {@code internal_error} with the fixed message
     * {@code request failed}. Messages pass through the secret redactor.
     */
    public static JsonObject publicErrorPayload(Throwable error, String requestId, int status) {
        String type;
        if (error instanceof ProviderException) {
            type = "provider_error";
        } else if (error instanceof ServiceException service) {
            type = service.type();
        } else if (error instanceof WorldForgeException) {
            type = ServiceException.VALIDATION_ERROR;
        } else {
            type = "internal_error";
        }
        String message = "internal_error".equals(type) || error.getMessage() == null
                ? INTERNAL_MESSAGE
                : Redaction.redactText(error.getMessage());
        return JsonObject.of(
                "error",
                JsonObject.builder()
                        .put("type", JsonString.of(type))
                        .put("message", JsonString.of(message))
                        .put("status", JsonInt.of(status))
                        .put("request_id", JsonString.of(requestId))
                        .build());
    }
}
