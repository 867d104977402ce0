package ai.worldforge.cli;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.cosmos.CosmosProvider;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyConfig;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyHttp;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyProvider;
import ai.worldforge.provider.policy.ActionTranslator;
import ai.worldforge.provider.runway.RunwayProvider;
import ai.worldforge.smoke.LiveSmokeManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smoke cosmos|cosmos-policy}: live smokes against host-owned endpoints (the reference's
 * {@code worldforge-smoke-*} console scripts). They talk to real servers, so they are never run in
 * CI; each prints a JSON summary, can write it ({@code --summary-json}) and a sanitised {@code
 * run_manifest.json} ({@code --run-manifest}, written for failures too), and exits 1 with the
 * failure on stderr when the smoke fails.
 */
final class SmokeCommands {
    private SmokeCommands() {}

    @Command(
            name = "smoke",
            header = "Run a live provider smoke against a host-owned endpoint (never in CI).",
            synopsisSubcommandLabel = "command",
            mixinStandardHelpOptions = true)
    static final class SmokeGroup extends Group {}

    /** Output and evidence options shared by every smoke. */
    abstract static class Smoke implements Callable<Integer> {
        final CliContext context;

        @Option(names = "--summary-json", paramLabel = "SUMMARY_JSON", description = "Optional JSON summary path.")
        @Nullable
        String summaryJson;

        @Option(
                names = "--run-manifest",
                paramLabel = "RUN_MANIFEST",
                description = "Optional sanitized run_manifest.json evidence path.")
        @Nullable
        String runManifest;

        final List<ProviderEvent> events = new ArrayList<>();

        @Spec
        CommandSpec spec;

        Smoke(CliContext context) {
            this.context = context;
        }

        abstract String provider();

        abstract String capability();

        abstract List<String> envVars();

        abstract JsonObject inputSummary();

        /** Artefact label to path or URL for the manifest, given the result summary. */
        abstract Map<String, String> artifacts(JsonObject result);

        /** Runs the smoke and returns its summary; any exception fails it. */
        abstract JsonObject run() throws Exception;

        @Override
        public Integer call() {
            JsonObject summary;
            try {
                summary = run();
            } catch (Exception e) {
                String message = CliErrors.sanitize(
                        e.getMessage() == null || e.getMessage().isBlank() ? ErrorText.describe(e) : e.getMessage());
                writeManifest(
                        "failed",
                        0,
                        JsonObject.builder(5)
                                .put("provider", provider())
                                .put("capability", capability())
                                .put("status", "failed")
                                .put("error_type", errorType(e))
                                .put("error", message)
                                .build());
                context.err.println(message);
                context.err.flush();
                return 1;
            }
            if (summaryJson != null) {
                write(context.path(summaryJson), Json.writePretty(summary) + "\n");
            }
            writeManifest("passed", events.size(), summary);
            context.println(Json.writePretty(summary));
            return 0;
        }

        /**
         * The failure's kind in the reference's vocabulary ({@code ProviderError}, {@code
         * WorldStateError}, {@code WorldForgeError}, else {@code Error}) rather than a Java class
         * name, which means nothing to readers of the evidence.
         */
        static String errorType(Exception e) {
            if (e instanceof ai.worldforge.error.ProviderException) {
                return "ProviderError";
            }
            if (e instanceof ai.worldforge.error.WorldStateException) {
                return "WorldStateError";
            }
            if (e instanceof WorldForgeException) {
                return "WorldForgeError";
            }
            return e instanceof IOException || e instanceof UncheckedIOException ? "OSError" : "Error";
        }

        private void writeManifest(String status, long eventCount, JsonObject result) {
            if (runManifest == null) {
                return;
            }
            Path path = context.path(runManifest);
            List<String> argv = new ArrayList<>(List.of("worldforge"));
            argv.addAll(spec.commandLine().getParseResult().originalArgs());
            LiveSmokeManifest.build(
                            path.getParent().getFileName().toString(),
                            argv,
                            provider(),
                            capability(),
                            status,
                            envVars(),
                            context.environment,
                            eventCount,
                            inputSummary(),
                            result,
                            artifacts(result),
                            Clock.systemUTC())
                    .write(path);
        }

        static void write(Path path, String text) {
            try {
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                AtomicFiles.writeString(path, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(
            name = "cosmos",
            header = "Run a live Cosmos generate smoke against a host-owned endpoint.",
            mixinStandardHelpOptions = true)
    static final class Cosmos extends Smoke {
        @Option(names = "--prompt", paramLabel = "PROMPT", description = "Generation prompt.")
        String prompt = "a robot arm moves a mug across a table";

        @Option(names = "--duration-seconds", paramLabel = "DURATION_SECONDS", description = "Clip duration.")
        double durationSeconds = 1.0;

        @Option(names = "--size", paramLabel = "SIZE", description = "Requested resolution.")
        String size = "1280x720";

        @Option(names = "--fps", paramLabel = "FPS", description = "Requested frames per second.")
        double fps = 24.0;

        @Option(names = "--seed", paramLabel = "SEED", description = "Provider seed.")
        long seed = 4;

        @Option(names = "--output", paramLabel = "OUTPUT", description = "Path for the generated video bytes.")
        String output = ".worldforge/runs/cosmos-live/artifacts/cosmos.mp4";

        Cosmos(CliContext context) {
            super(context);
        }

        @Override
        String provider() {
            return CosmosProvider.NAME;
        }

        @Override
        String capability() {
            return "generate";
        }

        @Override
        List<String> envVars() {
            return List.of(CosmosProvider.BASE_URL_ENV, CosmosProvider.API_KEY_ENV);
        }

        @Override
        JsonObject inputSummary() {
            return JsonObject.builder(5)
                    .put("prompt_length", JsonInt.of(prompt.length()))
                    .put("duration_seconds", JsonFloat.of(durationSeconds))
                    .put("size", size)
                    .put("fps", JsonFloat.of(fps))
                    .put("seed_present", JsonBool.TRUE)
                    .build();
        }

        @Override
        Map<String, String> artifacts(JsonObject result) {
            return Map.of("video", output);
        }

        @Override
        JsonObject run() {
            CosmosProvider provider = CosmosProvider.builder()
                    .environment(context.environment)
                    .eventHandler(events::add)
                    .build();
            ProviderHealth health = provider.health();
            if (!health.healthy()) {
                throw new WorldForgeException("Cosmos health failed: " + health.details());
            }
            VideoClip clip = provider.generate(
                    prompt,
                    durationSeconds,
                    GenerationOptions.builder().size(size).fps(fps).seed(seed).build());
            Path target = context.path(output);
            byte[] bytes = clip.blob();
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                AtomicFiles.write(target, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return JsonObject.builder(11)
                    .put("provider", provider())
                    .put("capability", capability())
                    .put("status", "passed")
                    .put("output", output)
                    .put("byte_count", JsonInt.of(bytes.length))
                    .put("content_type", clip.contentType())
                    .put("duration_seconds", JsonFloat.of(clip.durationSeconds()))
                    .put("fps", JsonFloat.of(clip.fps()))
                    .put("resolution", JsonArray.of(JsonInt.of(clip.width()), JsonInt.of(clip.height())))
                    .put(
                            "mode",
                            clip.metadata().get("mode") == null
                                    ? ai.worldforge.json.JsonNull.INSTANCE
                                    : clip.metadata().get("mode"))
                    .put("event_count", JsonInt.of(events.size()))
                    .build();
        }
    }

    @Command(
            name = "cosmos-policy",
            header = "Run a live Cosmos-Policy /act smoke (or only its health check) against a host-owned server.",
            mixinStandardHelpOptions = true)
    static final class CosmosPolicy extends Smoke {
        @Option(names = "--health-only", description = "Only validate the configuration and base URL.")
        boolean healthOnly;

        @Option(
                names = "--policy-info-json",
                paramLabel = "POLICY_INFO_JSON",
                description = "JSON file with the policy info (observation, task_description, options).")
        @Nullable
        String policyInfoJson;

        @Option(
                names = "--translator",
                paramLabel = "TRANSLATOR",
                description = "Fully qualified class implementing ActionTranslator (public no-argument constructor).")
        @Nullable
        String translator;

        @Option(
                names = "--translator-jar",
                paramLabel = "TRANSLATOR_JAR",
                description = "Jar holding the translator class (default: the distribution's classpath).")
        @Nullable
        String translatorJar;

        @Option(
                names = "--allow-translator-code",
                description = "Allow loading and running the host translator code named by --translator.")
        boolean allowTranslatorCode;

        CosmosPolicy(CliContext context) {
            super(context);
        }

        @Override
        String provider() {
            return CosmosPolicyConfig.PROVIDER_NAME;
        }

        @Override
        String capability() {
            return "policy";
        }

        @Override
        List<String> envVars() {
            return List.of(
                    CosmosPolicyConfig.BASE_URL_ENV_VAR,
                    "COSMOS_POLICY_API_TOKEN",
                    CosmosPolicyConfig.ALLOW_LOCAL_BASE_URL_ENV_VAR,
                    "COSMOS_POLICY_ALLOWED_HOSTS");
        }

        @Override
        JsonObject inputSummary() {
            return JsonObject.builder(3)
                    .put("health_only", JsonBool.of(healthOnly))
                    .put("policy_info_supplied", JsonBool.of(policyInfoJson != null))
                    .put("translator_supplied", JsonBool.of(translator != null))
                    .build();
        }

        @Override
        Map<String, String> artifacts(JsonObject result) {
            Map<String, String> out = new LinkedHashMap<>();
            if (summaryJson != null) {
                out.put("summary", summaryJson);
            }
            return out;
        }

        @Override
        JsonObject run() throws Exception {
            ActionTranslator loaded = healthOnly ? null : loadTranslator();
            CosmosPolicyHttp http = CosmosPolicyHttp.system(CosmosPolicyConfig.PROVIDER_NAME);
            CosmosPolicyProvider provider =
                    CosmosPolicyProvider.fromEnvironment(context.environment, loaded, http, http, events::add);
            ProviderHealth health = provider.health();
            if (!health.healthy()) {
                throw new WorldForgeException("Cosmos-Policy health failed: " + health.details());
            }
            JsonObject.Builder summary = JsonObject.builder(9)
                    .put("provider", provider())
                    .put("capability", capability())
                    .put("status", "passed")
                    .put("health_only", JsonBool.of(healthOnly))
                    .put("health_details", health.details());
            if (!healthOnly) {
                if (policyInfoJson == null) {
                    throw new WorldForgeException("--policy-info-json is required unless --health-only is given.");
                }
                JsonValue info = Json.parse(
                        BoundedFiles.readUtf8(context.path(policyInfoJson), BoundedFiles.DEFAULT_DOCUMENT_BYTES));
                if (!(info instanceof JsonObject object)) {
                    throw new WorldForgeException("--policy-info-json must contain a JSON object.");
                }
                ActionPolicyResult result = provider.selectActions(object);
                summary.put("action_count", JsonInt.of(result.actions().size()))
                        .put(
                                "candidate_count",
                                JsonInt.of(result.actionCandidates().size()));
            }
            return summary.put("event_count", JsonInt.of(events.size())).build();
        }

        private ActionTranslator loadTranslator() throws Exception {
            if (translator == null) {
                throw new WorldForgeException("Cosmos-Policy /act smoke requires --translator (or use --health-only).");
            }
            if (!allowTranslatorCode) {
                throw new WorldForgeException("Refusing to load translator code without --allow-translator-code.");
            }
            ClassLoader loader = translatorJar == null
                    ? SmokeCommands.class.getClassLoader()
                    : new URLClassLoader(
                            new URL[] {context.path(translatorJar).toUri().toURL()},
                            SmokeCommands.class.getClassLoader());
            Object instance =
                    Class.forName(translator, true, loader).getConstructor().newInstance();
            if (!(instance instanceof ActionTranslator action)) {
                throw new WorldForgeException("Translator " + translator + " does not implement ActionTranslator.");
            }
            return action;
        }
    }

    @Command(
            name = "runway",
            header = "Run a live Runway generate or transfer smoke against the remote API.",
            mixinStandardHelpOptions = true)
    static final class Runway extends Smoke {
        /** Runway capabilities a smoke can exercise. */
        enum RunwayCapability {
            generate,
            transfer
        }

        @Option(names = "--capability", paramLabel = "CAPABILITY", description = "Runway capability to exercise.")
        RunwayCapability runwayCapability = RunwayCapability.generate;

        @Option(names = "--prompt", paramLabel = "PROMPT", description = "Generation or transfer prompt.")
        String prompt = "a lab robot places a cube on a tray";

        @Option(names = "--duration-seconds", paramLabel = "DURATION_SECONDS", description = "Clip duration.")
        double durationSeconds = 5.0;

        @Option(names = "--ratio", paramLabel = "RATIO", description = "Runway aspect ratio.")
        String ratio = "1280:720";

        @Option(names = "--fps", paramLabel = "FPS", description = "Frames per second.")
        double fps = 24.0;

        @Option(names = "--model", paramLabel = "MODEL", description = "Runway model (default: the provider's).")
        @Nullable
        String model;

        @Option(names = "--seed", paramLabel = "SEED", description = "Provider seed.")
        @Nullable
        Long seed;

        @Option(
                names = "--input-video",
                paramLabel = "INPUT_VIDEO",
                description = "Input video for a transfer smoke (default: a tiny seed clip).")
        @Nullable
        String inputVideo;

        @Option(names = "--width", paramLabel = "WIDTH", description = "Input clip width.")
        int width = 1280;

        @Option(names = "--height", paramLabel = "HEIGHT", description = "Input clip height.")
        int height = 720;

        @Option(names = "--output", paramLabel = "OUTPUT", description = "Path for downloaded Runway video bytes.")
        String output = ".worldforge/runs/runway-live/artifacts/runway.mp4";

        Runway(CliContext context) {
            super(context);
        }

        @Override
        String provider() {
            return RunwayProvider.NAME;
        }

        @Override
        String capability() {
            return runwayCapability.name();
        }

        @Override
        List<String> envVars() {
            return List.of(
                    RunwayProvider.API_SECRET_ENV, RunwayProvider.LEGACY_API_SECRET_ENV, RunwayProvider.BASE_URL_ENV);
        }

        @Override
        JsonObject inputSummary() {
            return JsonObject.builder(7)
                    .put("prompt_length", JsonInt.of(prompt.length()))
                    .put("duration_seconds", JsonFloat.of(durationSeconds))
                    .put("ratio", ratio)
                    .put("fps", JsonFloat.of(fps))
                    .put("model", model == null ? "provider default" : model)
                    .put("seed_present", JsonBool.of(seed != null))
                    .put("input_video_present", JsonBool.of(inputVideo != null))
                    .build();
        }

        @Override
        Map<String, String> artifacts(JsonObject result) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("video", output);
            if (result.get("artifact_url") instanceof JsonString url
                    && !url.value().isBlank()) {
                out.put("runway_artifact_url", url.value());
            }
            return out;
        }

        @Override
        JsonObject run() throws IOException {
            RunwayProvider provider = RunwayProvider.builder()
                    .environment(context.environment)
                    .eventHandler(events::add)
                    .build();
            ProviderHealth health = provider.health();
            if (!health.healthy()) {
                throw new WorldForgeException("Runway health failed: " + health.details());
            }
            GenerationOptions.Builder options = GenerationOptions.builder();
            if (model != null) {
                options.model(model);
            }
            if (seed != null) {
                options.seed(seed);
            }
            VideoClip clip;
            if (runwayCapability == RunwayCapability.generate) {
                clip = provider.generate(
                        prompt, durationSeconds, options.ratio(ratio).fps(fps).build());
            } else {
                byte[] frames = inputVideo == null
                        ? "worldforge-runway-transfer-seed".getBytes(StandardCharsets.UTF_8)
                        : BoundedFiles.readBytes(context.path(inputVideo), BoundedFiles.LARGE_FILE_BYTES);
                VideoClip input = new VideoClip(
                        List.of(frames),
                        fps,
                        width,
                        height,
                        Math.max(0.001, durationSeconds),
                        JsonObject.of(
                                "content_type",
                                JsonString.of("video/mp4"),
                                "mode",
                                JsonString.of(inputVideo == null ? "runway-smoke-seed" : "runway-smoke-input")));
                clip = provider.transfer(input, width, height, fps, prompt, options.build());
            }
            Path target = context.path(output);
            byte[] bytes = clip.blob();
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFiles.write(target, bytes);
            JsonObject metadata = clip.metadata();
            JsonValue artifactUrl = metadata.get("artifact_url");
            return JsonObject.builder(14)
                    .put("provider", provider())
                    .put("capability", capability())
                    .put("status", "passed")
                    .put("output", output)
                    .put("byte_count", JsonInt.of(bytes.length))
                    .put("content_type", clip.contentType())
                    .put("duration_seconds", JsonFloat.of(clip.durationSeconds()))
                    .put("fps", JsonFloat.of(clip.fps()))
                    .put("resolution", JsonArray.of(JsonInt.of(clip.width()), JsonInt.of(clip.height())))
                    .put("mode", orNull(metadata.get("mode")))
                    .put("model", orNull(metadata.get("model")))
                    .put(
                            "task_id_present",
                            JsonBool.of(metadata.get("task_id") instanceof JsonString id
                                    && !id.value().isEmpty()))
                    .put("artifact_url", orNull(artifactUrl))
                    .put("event_count", JsonInt.of(events.size()))
                    .build();
        }

        private static JsonValue orNull(@Nullable JsonValue value) {
            return value == null ? ai.worldforge.json.JsonNull.INSTANCE : value;
        }
    }
}
