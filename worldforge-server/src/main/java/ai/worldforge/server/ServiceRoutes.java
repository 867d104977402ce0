package ai.worldforge.server;

import ai.worldforge.WorldForge;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The successful answer of each route, computed from a request's id and body. Runs on whichever
 * thread the route's lane assigns; throws for every failure (the caller maps exceptions to
 * statuses). Thread-safe.
 */
final class ServiceRoutes {
    /** A 200 body and its content type. */
    record Answer(byte[] body, String contentType) {
        static Answer json(JsonObject payload) {
            return new Answer(Json.writeSpacedSorted(payload).getBytes(StandardCharsets.US_ASCII), "application/json");
        }
    }

    private final WorldForge forge;
    private final ServiceConfig config;
    private final DoctorSummaryCache doctorSummaries;
    private final ServiceMetrics metrics;

    ServiceRoutes(WorldForge forge, ServiceConfig config, DoctorSummaryCache doctorSummaries, ServiceMetrics metrics) {
        this.forge = forge;
        this.config = config;
        this.doctorSummaries = doctorSummaries;
        this.metrics = metrics;
    }

    /**
     * The answer of {@code route} to request {@code requestId} with {@code body} (empty for routes
     * without one).
     *
     * @throws ServiceException for a body or input over a limit
     * @throws ai.worldforge.error.WorldForgeException for bad input
     * @throws ai.worldforge.error.ProviderException when a provider fails
     */
    Answer answer(Route route, String requestId, byte[] body) {
        return switch (route) {
            case HEALTHZ ->
                Answer.json(JsonObject.builder()
                        .put("status", "live")
                        .put("request_id", requestId)
                        .build());
            case READYZ ->
                Answer.json(withRequestId(
                        requestId, ServicePayloads.readinessSnapshot(forge, config.provider(), doctorSummaries.get())));
            case PROVIDERS -> Answer.json(withRequestId(requestId, ServicePayloads.providerListPayload(forge)));
            case MOCK_PREDICT -> {
                // The body is ignored, but it must be a JSON object within the limits.
                RequestBodyJson.parseObject(body, config.limits().maxJsonDepth());
                yield Answer.json(ServicePayloads.mockPredictionPayload(forge, requestId));
            }
            case GENERATE -> {
                JsonObject object =
                        RequestBodyJson.parseObject(body, config.limits().maxJsonDepth());
                GenerateRequest request = GenerateRequest.of(
                        object, ServicePayloads.requestedProvider(object, config.provider()), config.limits());
                yield Answer.json(ServicePayloads.generatePayload(forge, request, requestId));
            }
            case METRICS ->
                new Answer(
                        metrics.scrape().orElse("").getBytes(StandardCharsets.UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8");
        };
    }

    private static JsonObject withRequestId(String requestId, JsonObject payload) {
        return payload.toBuilder().put("request_id", requestId).build();
    }
}
