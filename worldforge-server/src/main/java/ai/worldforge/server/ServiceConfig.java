package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runtime settings of the service host. The first four are the reference's ({@code --host},
 * {@code --port}, {@code --provider}, {@code --state-dir} and their {@code WORLDFORGE_SERVICE_*}
 * variables); the rest bound the host's resources. Immutable.
 *
 * @param host address to bind (default {@code 127.0.0.1})
 * @param port TCP port; {@code 0} picks a free one (default {@code 8080})
 * @param provider provider whose readiness {@code /readyz} reports and which {@code
 *     /workflows/generate} uses by default (default {@code mock})
 * @param stateDir the forge's world directory (default {@code .worldforge/service-worlds})
 * @param maxBodyBytes largest request body accepted; larger ones get 413 (default 1 MiB, at most
 *     1 GiB)
 * @param requestTimeout per-request deadline; a request still running then gets 504 (default 30 s)
 * @param threads request worker threads (default {@code max(4, 2 × processors)})
 * @param shutdownGrace how long shutdown waits for in-flight requests (default 10 s)
 * @param doctorCacheTtl how long {@code /readyz} reuses its doctor summary (default 1 s; zero
 *     recomputes it on every call). The status, traffic decision and checks are always fresh.
 * @param maxConnections most connections open at once; further ones wait in the accept queue
 *     until one closes (default 256)
 * @param readTimeout longest time a client may take to send a request's headers, or its body, or
 *     to stay silent on an open connection; a request not received in time gets 408 (default 10 s)
 * @param limits the largest work one request may ask for
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
        Duration doctorCacheTtl,
        int maxConnections,
        Duration readTimeout,
        ServiceLimits limits) {

    /** Default {@link #maxBodyBytes()}: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The largest {@link #maxBodyBytes()} a host accepts: 1 GiB (a body is held in memory). */
    public static final long MAX_BODY_BYTES_LIMIT = 1L << 30;

    /** Default {@link #requestTimeout()}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Default {@link #doctorCacheTtl()}. */
    public static final Duration DEFAULT_DOCTOR_CACHE_TTL = Duration.ofSeconds(1);

    /** Default {@link #shutdownGrace()}. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /** Default {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    /** Default {@link #readTimeout()}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** The flags {@link #parse} understands, for the usage line. */
    static final String USAGE = "usage: worldforge-service [-h] [--host HOST] [--port PORT] [--provider PROVIDER]"
            + " [--state-dir STATE_DIR] [--max-body-bytes N] [--request-timeout-ms MS] [--threads N]"
            + " [--shutdown-grace-ms MS] [--doctor-cache-ms MS] [--max-connections N] [--read-timeout-ms MS]"
            + " [--max-duration-seconds S] [--max-prompt-chars N] [--max-json-depth N]";

    /** Validates every field. */
    public ServiceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(doctorCacheTtl, "doctorCacheTtl");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(limits, "limits");
        if (host.isBlank()) {
            throw new WorldForgeException("host must be a non-empty string.");
        }
        if (port < 0 || port > 65535) {
            throw new WorldForgeException("port must be between 0 and 65535.");
        }
        if (provider.isBlank()) {
            throw new WorldForgeException("provider must be a non-empty string.");
        }
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new WorldForgeException("max body bytes must be between 0 and " + MAX_BODY_BYTES_LIMIT + ".");
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
        if (maxConnections < 1) {
            throw new WorldForgeException("max connections must be at least 1.");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new WorldForgeException("read timeout must be positive.");
        }
    }

    /**
     * The first nine settings, with the defaults for {@link #maxConnections()}, {@link
     * #readTimeout()} and {@link #limits()}.
     */
    public ServiceConfig(
            String host,
            int port,
            String provider,
            Path stateDir,
            long maxBodyBytes,
            Duration requestTimeout,
            int threads,
            Duration shutdownGrace,
            Duration doctorCacheTtl) {
        this(
                host,
                port,
                provider,
                stateDir,
                maxBodyBytes,
                requestTimeout,
                threads,
                shutdownGrace,
                doctorCacheTtl,
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_READ_TIMEOUT,
                ServiceLimits.defaults());
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
     * defaults. Each flag has the variable named after it: {@code --host}/{@code
     * WORLDFORGE_SERVICE_HOST}, {@code --port}/{@code _PORT}, {@code --provider}/{@code _PROVIDER},
     * {@code --state-dir}/{@code _STATE_DIR}, {@code --max-body-bytes}/{@code _MAX_BODY_BYTES},
     * {@code --request-timeout-ms}/{@code _REQUEST_TIMEOUT_MS}, {@code --threads}/{@code _THREADS},
     * {@code --shutdown-grace-ms}/{@code _SHUTDOWN_GRACE_MS}, {@code --doctor-cache-ms}/{@code
     * _DOCTOR_CACHE_MS}, {@code --max-connections}/{@code _MAX_CONNECTIONS}, {@code
     * --read-timeout-ms}/{@code _READ_TIMEOUT_MS}, {@code --max-duration-seconds}/{@code
     * _MAX_DURATION_SECONDS}, {@code --max-prompt-chars}/{@code _MAX_PROMPT_CHARS} and {@code
     * --max-json-depth}/{@code _MAX_JSON_DEPTH}. Flags take {@code --flag value} or {@code
     * --flag=value}.
     *
     * @param args command-line arguments (without {@code -h})
     * @param environment variables, looked up by name
     * @throws WorldForgeException naming the flag or variable when a value is invalid
     */
    public static ServiceConfig parse(List<String> args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String flag : FLAGS) {
            String value = environment.get(variable(flag));
            if (value != null && !value.isBlank()) {
                values.put(flag, value.strip());
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg;
            @Nullable String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                flag = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!FLAGS.contains(flag)) {
                throw new WorldForgeException("unrecognized arguments: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new WorldForgeException("argument " + flag + ": expected one argument");
                }
                value = args.get(++i);
            }
            values.put(flag, value);
        }
        ServiceConfig defaults = defaults();
        ServiceLimits limits = defaults.limits();
        return new ServiceConfig(
                values.getOrDefault("--host", defaults.host()),
                (int) integer(values, "--port", defaults.port(), 0, 65535),
                values.getOrDefault("--provider", defaults.provider()),
                Path.of(values.getOrDefault("--state-dir", defaults.stateDir().toString())),
                integer(values, "--max-body-bytes", defaults.maxBodyBytes(), 0, MAX_BODY_BYTES_LIMIT),
                millis(values, "--request-timeout-ms", defaults.requestTimeout(), 1),
                (int) integer(values, "--threads", defaults.threads(), 1, 4096),
                millis(values, "--shutdown-grace-ms", defaults.shutdownGrace(), 0),
                millis(values, "--doctor-cache-ms", defaults.doctorCacheTtl(), 0),
                (int) integer(values, "--max-connections", defaults.maxConnections(), 1, 100_000),
                millis(values, "--read-timeout-ms", defaults.readTimeout(), 1),
                new ServiceLimits(
                        number(values, "--max-duration-seconds", limits.maxDurationSeconds()),
                        (int) integer(values, "--max-prompt-chars", limits.maxPromptChars(), 1, Integer.MAX_VALUE),
                        (int) integer(values, "--max-json-depth", limits.maxJsonDepth(), 1, 1000)));
    }

    /** Every flag {@link #parse} understands. */
    private static final List<String> FLAGS = List.of(
            "--host",
            "--port",
            "--provider",
            "--state-dir",
            "--max-body-bytes",
            "--request-timeout-ms",
            "--threads",
            "--shutdown-grace-ms",
            "--doctor-cache-ms",
            "--max-connections",
            "--read-timeout-ms",
            "--max-duration-seconds",
            "--max-prompt-chars",
            "--max-json-depth");

    /** {@code --max-body-bytes} → {@code WORLDFORGE_SERVICE_MAX_BODY_BYTES}. */
    private static String variable(String flag) {
        return "WORLDFORGE_SERVICE_" + flag.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static long integer(Map<String, String> values, String flag, long fallback, long min, long max) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
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

    private static Duration millis(Map<String, String> values, String flag, Duration fallback, long min) {
        return Duration.ofMillis(integer(values, flag, fallback.toMillis(), min, Long.MAX_VALUE));
    }

    private static double number(Map<String, String> values, String flag, double fallback) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new WorldForgeException("argument " + flag + ": invalid float value: '" + text + "'", e);
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new WorldForgeException("argument " + flag + ": must be a positive number");
        }
        return value;
    }

    /** A copy with another port (tests bind port 0). */
    public ServiceConfig withPort(int value) {
        return new Copy(this).port(value).build();
    }

    /** A copy with another provider. */
    public ServiceConfig withProvider(String value) {
        return new Copy(this).provider(value).build();
    }

    /** A copy with another state directory. */
    public ServiceConfig withStateDir(Path value) {
        return new Copy(this).stateDir(value).build();
    }

    /** A copy with another body limit. */
    public ServiceConfig withMaxBodyBytes(long value) {
        return new Copy(this).maxBodyBytes(value).build();
    }

    /** A copy with another request deadline. */
    public ServiceConfig withRequestTimeout(Duration value) {
        return new Copy(this).requestTimeout(value).build();
    }

    /** A copy with another worker count. */
    public ServiceConfig withThreads(int value) {
        return new Copy(this).threads(value).build();
    }

    /** A copy with another shutdown grace period. */
    public ServiceConfig withShutdownGrace(Duration value) {
        return new Copy(this).shutdownGrace(value).build();
    }

    /** A copy with another doctor-summary cache lifetime. */
    public ServiceConfig withDoctorCacheTtl(Duration value) {
        return new Copy(this).doctorCacheTtl(value).build();
    }

    /** A copy with another connection limit. */
    public ServiceConfig withMaxConnections(int value) {
        return new Copy(this).maxConnections(value).build();
    }

    /** A copy with another read timeout. */
    public ServiceConfig withReadTimeout(Duration value) {
        return new Copy(this).readTimeout(value).build();
    }

    /** A copy with other request limits. */
    public ServiceConfig withLimits(ServiceLimits value) {
        return new Copy(this).limits(value).build();
    }

    /** The fields of a config being copied with one of them changed. */
    private static final class Copy {
        private String host;
        private int port;
        private String provider;
        private Path stateDir;
        private long maxBodyBytes;
        private Duration requestTimeout;
        private int threads;
        private Duration shutdownGrace;
        private Duration doctorCacheTtl;
        private int maxConnections;
        private Duration readTimeout;
        private ServiceLimits limits;

        Copy(ServiceConfig config) {
            host = config.host;
            port = config.port;
            provider = config.provider;
            stateDir = config.stateDir;
            maxBodyBytes = config.maxBodyBytes;
            requestTimeout = config.requestTimeout;
            threads = config.threads;
            shutdownGrace = config.shutdownGrace;
            doctorCacheTtl = config.doctorCacheTtl;
            maxConnections = config.maxConnections;
            readTimeout = config.readTimeout;
            limits = config.limits;
        }

        Copy port(int value) {
            port = value;
            return this;
        }

        Copy provider(String value) {
            provider = value;
            return this;
        }

        Copy stateDir(Path value) {
            stateDir = value;
            return this;
        }

        Copy maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        Copy requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        Copy threads(int value) {
            threads = value;
            return this;
        }

        Copy shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        Copy doctorCacheTtl(Duration value) {
            doctorCacheTtl = value;
            return this;
        }

        Copy maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        Copy readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        Copy limits(ServiceLimits value) {
            limits = value;
            return this;
        }

        ServiceConfig build() {
            return new ServiceConfig(
                    host,
                    port,
                    provider,
                    stateDir,
                    maxBodyBytes,
                    requestTimeout,
                    threads,
                    shutdownGrace,
                    doctorCacheTtl,
                    maxConnections,
                    readTimeout,
                    limits);
        }
    }
}
