package ai.worldforge.cli;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate} and {@code transfer}: media clips from a provider, optionally written to a file. */
final class MediaCommands {
    private MediaCommands() {}

    /** Prints the clip dictionary, after writing the clip bytes when {@code output} is set. */
    static void printClip(CliContext context, VideoClip clip, @Nullable String output) {
        JsonObject payload = clip.toJson();
        if (output != null && !output.isEmpty()) {
            Path target = context.path(output);
            try {
                AtomicFiles.write(target, clip.blob());
            } catch (IOException e) {
                throw new WorldForgeException("Failed to write clip to " + target + ": " + ErrorText.describe(e), e);
            }
            payload = payload.with("output_path", JsonString.of(target.toString()));
        }
        context.printJson(payload);
    }

    @Command(name = "generate", header = "Generate a clip with a provider.", mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "prompt", description = "Generation prompt.")
        String prompt = "";

        @Option(names = "--provider", paramLabel = "PROVIDER", description = "Provider name.")
        String provider = "mock";

        @Option(names = "--duration", paramLabel = "DURATION", description = "Clip duration in seconds.")
        double duration = 5.0;

        @Option(names = "--output", paramLabel = "OUTPUT", description = "Optional path for the generated clip bytes.")
        @Nullable
        String output;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        @Mixin
        SourceOptions source = new SourceOptions();

        @Option(names = "--fps", paramLabel = "FPS", description = "Requested frames per second.")
        @Nullable
        Double fps;

        @Mixin
        SamplingOptions sampling = new SamplingOptions();

        Generate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            GenerationOptions options = options(source, fps, sampling);
            VideoClip clip = context.forge(stateDir).generate(prompt, provider, duration, options);
            printClip(context, clip, output);
            return 0;
        }
    }

    @Command(name = "transfer", header = "Transform an input clip with a provider.", mixinStandardHelpOptions = true)
    static final class Transfer implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "input", description = "Input clip path.")
        String input = "";

        @Option(names = "--provider", paramLabel = "PROVIDER", description = "Provider name.")
        String provider = "mock";

        @Option(names = "--prompt", paramLabel = "PROMPT", description = "Transfer prompt.")
        String prompt = "";

        @Option(names = "--width", paramLabel = "WIDTH", description = "Input clip width.")
        int width = 1280;

        @Option(names = "--height", paramLabel = "HEIGHT", description = "Input clip height.")
        int height = 720;

        @Option(names = "--fps", paramLabel = "FPS", description = "Input clip frames per second.")
        double fps = 24.0;

        @Option(names = "--duration", paramLabel = "DURATION", description = "Input clip duration.")
        double duration = 5.0;

        @Option(
                names = "--output",
                paramLabel = "OUTPUT",
                description = "Optional path for the transformed clip bytes.")
        @Nullable
        String output;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        @Mixin
        SourceOptions source = new SourceOptions();

        @Mixin
        SamplingOptions sampling = new SamplingOptions();

        Transfer(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            GenerationOptions options = options(source, null, sampling);
            // The forge is built first, as in the reference, so the state directory exists even
            // when the input is missing.
            var forge = context.forge(stateDir);
            VideoClip source = VideoClip.fromFile(context.path(input), fps, width, height, duration);
            VideoClip clip = forge.transfer(source, provider, width, height, fps, prompt, options);
            printClip(context, clip, output);
            return 0;
        }
    }

    /**
     * The generation options both commands share that come before {@code --fps} in the reference's
     * order ({@code --fps} itself differs: generate requests it, transfer reads it as the input's).
     */
    static final class SourceOptions {
        @Option(
                names = "--image",
                paramLabel = "IMAGE",
                description = "Input image path, URL, or provider-native reference.")
        @Nullable
        String image;

        @Option(
                names = "--video",
                paramLabel = "VIDEO",
                description = "Input video path, URL, or provider-native reference.")
        @Nullable
        String video;

        @Option(names = "--model", paramLabel = "MODEL", description = "Provider model identifier.")
        @Nullable
        String model;

        @Option(names = "--ratio", paramLabel = "RATIO", description = "Provider aspect-ratio option.")
        @Nullable
        String ratio;

        @Option(names = "--size", paramLabel = "SIZE", description = "Provider resolution or size option.")
        @Nullable
        String size;
    }

    /** The generation options both commands share that come after {@code --fps}. */
    static final class SamplingOptions {
        @Option(names = "--seed", paramLabel = "SEED", description = "Provider seed when supported.")
        @Nullable
        Long seed;

        @Option(
                names = "--negative-prompt",
                paramLabel = "NEGATIVE_PROMPT",
                description = "Negative prompt when supported.")
        @Nullable
        String negativePrompt;

        @Option(
                names = "--reference-image",
                paramLabel = "REFERENCE_IMAGE",
                description = "Reference image path, URL, or data URI. Can be repeated.")
        List<String> referenceImages = new ArrayList<>();
    }

    /** The reference's {@code _build_generation_options}: every option, absent ones unset. */
    static GenerationOptions options(SourceOptions source, @Nullable Double fps, SamplingOptions sampling) {
        GenerationOptions.Builder builder = GenerationOptions.builder()
                .image(source.image)
                .video(source.video)
                .model(source.model)
                .ratio(source.ratio)
                .size(source.size)
                .negativePrompt(sampling.negativePrompt);
        if (fps != null) {
            builder.fps(fps);
        }
        if (sampling.seed != null) {
            builder.seed(sampling.seed);
        }
        sampling.referenceImages.forEach(builder::addReferenceImage);
        return builder.build();
    }
}
