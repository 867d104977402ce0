package ai.worldforge.cli;

import ai.worldforge.DoctorReport;
import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
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

    /** Shared options. */
    abstract static class Base implements Callable<Integer> {
        final CliContext context;

        @Option(names = "--state-dir", defaultValue = ".worldforge/worlds", description = "World state directory.")
        String stateDir = ".worldforge/worlds";

        Base(CliContext context) {
            this.context = context;
        }

        WorldForge forge() {
            return context.forge(stateDir);
        }
    }

    @Command(name = "providers", description = "List registered providers (legacy).", mixinStandardHelpOptions = true)
    static final class Providers extends Base {
        Providers(CliContext context) {
            super(context);
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

    @Command(name = "doctor", description = "Diagnose providers and local state.", mixinStandardHelpOptions = true)
    static final class Doctor extends Base {
        @Option(names = "--registered-only", description = "Only registered providers.")
        boolean registeredOnly;

        @Option(names = "--capability", description = "Only providers advertising this capability.")
        @Nullable
        String capability;

        Doctor(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            context.printJson(forge().doctor(capability, registeredOnly).toJsonObject());
            return 0;
        }
    }

    @Command(name = "list", description = "List known and registered providers.", mixinStandardHelpOptions = true)
    static final class ProviderList extends Base {
        @Option(names = "--registered-only", description = "Only registered providers.")
        boolean registeredOnly;

        @Option(names = "--capability", description = "Only providers advertising this capability.")
        @Nullable
        String capability;

        ProviderList(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            DoctorReport report = forge().doctor(capability, registeredOnly);
            List<JsonValue> statuses = new ArrayList<>();
            for (ProviderDoctorStatus status : report.providers()) {
                statuses.add(status.toJson());
            }
            context.printJson(JsonArray.copyOf(statuses));
            return 0;
        }
    }

    @Command(name = "health", description = "Provider health.", mixinStandardHelpOptions = true)
    static final class ProviderHealthCommand extends Base {
        @Parameters(arity = "0..1", description = "Provider name.")
        @Nullable
        String name;

        @Option(names = "--registered-only", description = "Only registered providers.")
        boolean registeredOnly;

        @Option(names = "--capability", description = "Only providers advertising this capability.")
        @Nullable
        String capability;

        ProviderHealthCommand(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            DoctorReport report = forge().doctor(capability, registeredOnly && name == null);
            if (name != null) {
                WorldForge forge = forge();
                forge.providerProfile(name);
                for (ProviderDoctorStatus status : forge.doctor(null, false).providers()) {
                    if (status.name().equals(name.strip())) {
                        context.printJson(status.health().toJson());
                        return 0;
                    }
                }
                context.printJson(forge.providerHealth(name).toJson());
                return 0;
            }
            List<JsonValue> out = new ArrayList<>();
            for (ProviderDoctorStatus status : report.providers()) {
                JsonObject health = status.health().toJson().with("registered", JsonBool.of(status.registered()));
                out.add(health);
            }
            context.printJson(JsonArray.copyOf(out));
            return 0;
        }
    }

    @Command(name = "provider", description = "Inspect providers.", mixinStandardHelpOptions = true)
    static final class Provider extends Group {}
}
