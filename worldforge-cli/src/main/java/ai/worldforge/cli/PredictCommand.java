package ai.worldforge.cli;

import ai.worldforge.Prediction;
import ai.worldforge.World;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code predict}: a deterministic prediction on a fresh, empty in-memory world; nothing is saved. */
@Command(name = "predict", header = "Run a deterministic prediction.", mixinStandardHelpOptions = true)
final class PredictCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "world_name", description = "World name to create or load.")
    String worldName = "";

    @Option(names = "--provider", paramLabel = "PROVIDER", description = "Provider name.")
    String provider = "mock";

    @Option(names = "--x", paramLabel = "X", required = true, description = "Target x coordinate.")
    double x;

    @Option(names = "--y", paramLabel = "Y", required = true, description = "Target y coordinate.")
    double y;

    @Option(names = "--z", paramLabel = "Z", required = true, description = "Target z coordinate.")
    double z;

    @Option(names = "--steps", paramLabel = "STEPS", description = "Prediction horizon in steps.")
    int steps = 1;

    @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
    String stateDir = WorldCommands.DEFAULT_STATE_DIR;

    PredictCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        World world = context.forge(stateDir).createWorld(worldName, provider);
        Prediction prediction = world.predict(Action.moveTo(x, y, z), steps, null);
        context.printJson(JsonObject.builder()
                .put("provider", JsonString.of(prediction.provider()))
                .put("physics_score", JsonFloat.of(prediction.physicsScore()))
                .put("confidence", JsonFloat.of(prediction.confidence()))
                .put("world_state", prediction.worldState().toJson())
                .build());
        return 0;
    }
}
