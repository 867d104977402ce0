package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runtime settings of the service host. The first four are the reference's ({@code --host},
 * {@code --port}, {@code --provider}, {@code --state-dir} and their {@code WORLDFORGE_SERVICE_*}
 * variables); the rest bound the host's resources.
 *
 * @param host address to bind (default {@code 127.0.0.1})
 * @param port TCP port; {@code 0} picks a free one (default {@code 8080})
 * @param provider provider whose readiness {@code /readyz} reports and which {@code
 *     /workflows/generate} uses by default (default {@code mock})
 * @param stateDir the forge's world directory (default {@code .worldforge/service-worlds})
 * @param maxBodyBytes largest request body accepted; larger ones get 413 (default 1 MiB)
 * @param requestTimeout per-request deadline; a request still running then gets 504 (default 30 s)
 * @param threads request worker threads (default {@code max(4, 2 × processors)})
 * @param shutdownGrace how long shutdown waits for in-flight requests (default 10 s)
 * @param doctorCacheTtl how long {@code /readyz} reuses its doctor summary (default 1 s; zero
 *     recomputes it on every call). The status, traffic decision and checks are always fresh.
 */
public record ServiceConfig(
        String host,
        int port,
        String provider,
        Path stateDir,
        long maxBodyBytes,
        Duration requestTimeout,
        int threads,
        Duration shutdownGrace,
        Duration doctorCacheTtl) {

    /** Default {@link #maxBodyBytes()}: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Default {@link #requestTimeout()}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Default {@link #doctorCacheTtl()}. */
    public static final Duration DEFAULT_DOCTOR_CACHE_TTL = Duration.ofSeconds(1);

    /** Default {@link #shutdownGrace()}. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /** The flags {@link #parse} understands, for the usage line. */
    static final String USAGE = "usage: worldforge-service [-h] [--host HOST] [--port PORT] [--provider PROVIDER]"
            + " [--state-dir STATE_DIR] [--max-body-bytes N] [--request-timeout-ms MS] [--threads N]"
            + " [--shutdown-grace-ms MS] [--doctor-cache-ms MS]";

    /** Validates every field. */
    public ServiceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(doctorCacheTtl, "doctorCacheTtl");
        if (host.isBlank()) {
            throw new WorldForgeException("host must be a non-empty string.");
        }
        if (port < 0 || port > 65535) {
            throw new WorldForgeException("port must be between 0 and 65535.");
        }
        if (provider.isBlank()) {
            throw new WorldForgeException("provider must be a non-empty string.");
        }
        if (maxBodyBytes < 0) {
            throw new WorldForgeException("max body bytes must be non-negative.");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new WorldForgeException("request timeout must be positive.");
        }
        if (threads < 1) {
            throw new WorldForgeException("threads must be at least 1.");
        }
        if (shutdownGrace.isNegative()) {
            throw new WorldForgeException("shutdown grace must be non-negative.");
        }
        if (doctorCacheTtl.isNegative()) {
            throw new WorldForgeException("doctor cache TTL must be non-negative.");
        }
    }

    /** The defaults, ignoring the environment. */
    public static ServiceConfig defaults() {
        return new ServiceConfig(
                "127.0.0.1",
                8080,
                "mock",
                Path.of(".worldforge", "service-worlds"),
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_REQUEST_TIMEOUT,
                defaultThreads(),
                DEFAULT_SHUTDOWN_GRACE,
                DEFAULT_DOCTOR_CACHE_TTL);
    }

    private static int defaultThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * Settings from command-line flags over {@code WORLDFORGE_SERVICE_*} variables over the
     * defaults: {@code --host}/{@code WORLDFORGE_SERVICE_HOST}, {@code --port}/{@code _PORT},
     * {@code --provider}/{@code _PROVIDER}, {@code --state-dir}/{@code _STATE_DIR}, {@code
     * --max-body-bytes}/{@code _MAX_BODY_BYTES}, {@code --request-timeout-ms}/{@code
     * _REQUEST_TIMEOUT_MS}, {@code --threads}/{@code _THREADS}, {@code
     * --shutdown-grace-ms}/{@code _SHUTDOWN_GRACE_MS}, {@code --doctor-cache-ms}/{@code
     * _DOCTOR_CACHE_MS}. Flags take {@code --flag value} or {@code
     * --flag=value}.
     *
     * @param args command-line arguments (without {@code -h})
     * @param environment variables, looked up by name
     * @throws WorldForgeException naming the flag or variable when a value is invalid
     */
    public static ServiceConfig parse(List<String> args, Map<String, String> environment) {
        ServiceConfig defaults = defaults();
        String host = env(environment, "HOST", defaults.host());
        String port = env(environment, "PORT", Integer.toString(defaults.port()));
        String provider = env(environment, "PROVIDER", defaults.provider());
        String stateDir = env(environment, "STATE_DIR", defaults.stateDir().toString());
        String maxBody = env(environment, "MAX_BODY_BYTES", Long.toString(defaults.maxBodyBytes()));
        String timeout = env(
                environment,
                "REQUEST_TIMEOUT_MS",
                Long.toString(defaults.requestTimeout().toMillis()));
        String threads = env(environment, "THREADS", Integer.toString(defaults.threads()));
        String grace = env(
                environment,
                "SHUTDOWN_GRACE_MS",
                Long.toString(defaults.shutdownGrace().toMillis()));
        String doctorCache = env(
                environment,
                "DOCTOR_CACHE_MS",
                Long.toString(defaults.doctorCacheTtl().toMillis()));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg;
            @Nullable String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!List.of(
                            "--host",
                            "--port",
                            "--provider",
                            "--state-dir",
                            "--max-body-bytes",
                            "--request-timeout-ms",
                            "--threads",
                            "--shutdown-grace-ms",
                            "--doctor-cache-ms")
                    .contains(flag)) {
                throw new WorldForgeException("unrecognized arguments: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new WorldForgeException("argument " + flag + ": expected one argument");
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--provider" -> provider = value;
                case "--state-dir" -> stateDir = value;
                case "--max-body-bytes" -> maxBody = value;
                case "--request-timeout-ms" -> timeout = value;
                case "--threads" -> threads = value;
                case "--shutdown-grace-ms" -> grace = value;
                default -> doctorCache = value;
            }
        }
        return new ServiceConfig(
                host,
                (int) integer("--port", port, 0, 65535),
                provider,
                Path.of(stateDir),
                integer("--max-body-bytes", maxBody, 0, Long.MAX_VALUE),
                Duration.ofMillis(integer("--request-timeout-ms", timeout, 1, Long.MAX_VALUE)),
                (int) integer("--threads", threads, 1, 4096),
                Duration.ofMillis(integer("--shutdown-grace-ms", grace, 0, Long.MAX_VALUE)),
                Duration.ofMillis(integer("--doctor-cache-ms", doctorCache, 0, Long.MAX_VALUE)));
    }

    private static String env(Map<String, String> environment, String suffix, String fallback) {
        String value = environment.get("WORLDFORGE_SERVICE_" + suffix);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static long integer(String flag, String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new WorldForgeException("argument " + flag + ": invalid int value: '" + text + "'", e);
        }
        if (value < min || value > max) {
            throw new WorldForgeException("argument " + flag + ": must be between " + min + " and " + max);
        }
        return value;
    }

    /** A copy with another port (tests bind port 0). */
    public ServiceConfig withPort(int value) {
        return new ServiceConfig(
                host, value, provider, stateDir, maxBodyBytes, requestTimeout, threads, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another provider. */
    public ServiceConfig withProvider(String value) {
        return new ServiceConfig(
                host, port, value, stateDir, maxBodyBytes, requestTimeout, threads, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another state directory. */
    public ServiceConfig withStateDir(Path value) {
        return new ServiceConfig(
                host, port, provider, value, maxBodyBytes, requestTimeout, threads, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another body limit. */
    public ServiceConfig withMaxBodyBytes(long value) {
        return new ServiceConfig(
                host, port, provider, stateDir, value, requestTimeout, threads, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another request deadline. */
    public ServiceConfig withRequestTimeout(Duration value) {
        return new ServiceConfig(
                host, port, provider, stateDir, maxBodyBytes, value, threads, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another worker count. */
    public ServiceConfig withThreads(int value) {
        return new ServiceConfig(
                host, port, provider, stateDir, maxBodyBytes, requestTimeout, value, shutdownGrace, doctorCacheTtl);
    }

    /** A copy with another shutdown grace period. */
    public ServiceConfig withShutdownGrace(Duration value) {
        return new ServiceConfig(
                host, port, provider, stateDir, maxBodyBytes, requestTimeout, threads, value, doctorCacheTtl);
    }

    /** A copy with another doctor-summary cache lifetime. */
    public ServiceConfig withDoctorCacheTtl(Duration value) {
        return new ServiceConfig(
                host, port, provider, stateDir, maxBodyBytes, requestTimeout, threads, shutdownGrace, value);
    }
}
