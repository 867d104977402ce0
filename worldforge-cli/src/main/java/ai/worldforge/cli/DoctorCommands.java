package ai.worldforge.cli;

import ai.worldforge.DoctorReport;
import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.ProviderInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code providers}, {@code provider list|health} and {@code doctor}. */
final class DoctorCommands {
    private DoctorCommands() {}

    /** The capability names {@code --capability} accepts, in the reference's order. */
    enum CapabilityName {
        predict,
        generate,
        reason,
        embed,
        plan,
        transfer,
        score,
        policy
    }

    static final String REGISTERED_ONLY_HELP = "Show only providers registered for this process.";
    static final String CAPABILITY_HELP = "Filter providers by capability name.";

    /** Shared state: the context and a state directory. */
    abstract static class Base implements Callable<Integer> {
        final CliContext context;

        Base(CliContext context) {
            this.context = context;
        }

        abstract String stateDir();

        WorldForge forge() {
            return context.forge(stateDir());
        }

        static @Nullable String name(@Nullable CapabilityName capability) {
            return capability == null ? null : capability.name();
        }
    }

    @Command(name = "providers", header = "List registered providers.", mixinStandardHelpOptions = true)
    static final class Providers extends Base {
        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        Providers(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        public Integer call() {
            List<JsonValue> infos = new ArrayList<>();
            for (ProviderInfo info : forge().listProviders()) {
                infos.add(info.toJson());
            }
            context.printJson(JsonArray.copyOf(infos));
            return 0;
        }
    }

    @Command(name = "doctor", header = "Inspect the local WorldForge environment.", mixinStandardHelpOptions = true)
    static final class Doctor extends Base {
        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        @Option(names = "--registered-only", description = REGISTERED_ONLY_HELP)
        boolean registeredOnly;

        @Option(names = "--capability", paramLabel = "CAPABILITY", description = CAPABILITY_HELP)
        @Nullable
        CapabilityName capability;

        Doctor(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        public Integer call() {
            context.printJson(forge().doctor(name(capability), registeredOnly).toJsonObject());
            return 0;
        }
    }

    @Command(name = "list", header = "List provider profiles.", mixinStandardHelpOptions = true)
    static final class ProviderList extends Base {
        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        @Option(names = "--registered-only", description = REGISTERED_ONLY_HELP)
        boolean registeredOnly;

        @Option(names = "--capability", paramLabel = "CAPABILITY", description = CAPABILITY_HELP)
        @Nullable
        CapabilityName capability;

        ProviderList(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        public Integer call() {
            DoctorReport report = forge().doctor(name(capability), registeredOnly);
            List<JsonValue> statuses = new ArrayList<>();
            for (ProviderDoctorStatus status : report.providers()) {
                statuses.add(status.toJson());
            }
            context.printJson(JsonArray.copyOf(statuses));
            return 0;
        }
    }

    @Command(name = "health", header = "Show provider health.", mixinStandardHelpOptions = true)
    static final class ProviderHealthCommand extends Base {
        @Parameters(index = "0", arity = "0..1", paramLabel = "name", description = "Optional provider name.")
        @Nullable
        String name;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
        String stateDir = WorldCommands.DEFAULT_STATE_DIR;

        @Option(names = "--registered-only", description = REGISTERED_ONLY_HELP)
        boolean registeredOnly;

        @Option(names = "--capability", paramLabel = "CAPABILITY", description = CAPABILITY_HELP)
        @Nullable
        CapabilityName capability;

        ProviderHealthCommand(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            // Like the reference, an empty name means "all providers".
            if (name != null && !name.isEmpty()) {
                context.printJson(forge.providerHealth(name).toJson());
                return 0;
            }
            List<JsonValue> out = new ArrayList<>();
            for (ProviderDoctorStatus status :
                    forge.doctor(name(capability), registeredOnly).providers()) {
                out.add(status.health().toJson().with("registered", JsonBool.of(status.registered())));
            }
            context.printJson(JsonArray.copyOf(out));
            return 0;
        }
    }

    @Command(name = "provider", header = "Inspect provider profiles and health.", mixinStandardHelpOptions = true)
    static final class Provider extends Group {}
}
