package ai.worldforge.testkit;

import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Seeded secrets in the shapes and places that leak through logs, for property tests of event
 * sinks and redaction: random passwords and vendor tokens (AWS, GitHub, Stripe, OpenAI, Slack,
 * Google, JWT, PEM keys) written as headers ({@code Authorization: Basic}, {@code Cookie}), URLs
 * with credentials in many schemes, assignments with the reference's and wider key names, quoted
 * and percent-encoded bearer tokens, {@code curl -u}, path parameters and bare tokens.
 *
 * <p>Each {@link Sample} says which format it is and which pieces of it must never reach any
 * output: the random parts of the secret, split at non-alphanumeric characters (so a token cut in
 * half still counts as a leak) and never a fixed prefix such as {@code ghp_}. The same seed gives
 * the same samples. Not thread-safe.
 */
public final class SecretSamples {
    /** The kinds of secret values. */
    public enum Shape {
        /** Letters and digits with an occasional {@code - _ . ~}, 20 to 34 characters. */
        RANDOM,
        /** {@code AKIA…}, {@code ASIA…} and the other AWS key id prefixes. */
        AWS_ACCESS_KEY,
        /** {@code ghp_…}, {@code gho_…}, {@code ghs_…}, … */
        GITHUB_TOKEN,
        /** {@code github_pat_…}. */
        GITHUB_FINE_GRAINED_TOKEN,
        /** {@code sk_live_…}, {@code rk_test_…}. */
        STRIPE_KEY,
        /** {@code sk-…}, {@code sk-proj-…}. */
        OPENAI_KEY,
        /** {@code xoxb-…}, {@code xoxp-…}. */
        SLACK_TOKEN,
        /** {@code AIza…}. */
        GOOGLE_API_KEY,
        /** A signed JSON Web Token. */
        JWT
    }

    /** A secret value and its random pieces. */
    public record Secret(Shape shape, String value, List<String> pieces) {
        /** A secret; {@code pieces} are copied. */
        public Secret {
            pieces = List.copyOf(pieces);
        }
    }

    /** Text holding a secret in one format, and the pieces that must never appear in output. */
    public record Sample(String format, String text, List<String> pieces) {
        /** A sample; {@code pieces} are copied. */
        public Sample {
            pieces = List.copyOf(pieces);
        }

        /** The first piece found in {@code output}. */
        public Optional<String> leakedPiece(String output) {
            return pieces.stream().filter(output::contains).findFirst();
        }
    }

    /** The event field or sink input a sample is placed in. */
    public enum Place {
        /** {@link ProviderEvent#message()}. */
        MESSAGE,
        /** {@link ProviderEvent#target()} (a target-format sample). */
        TARGET,
        /** Somewhere in {@link ProviderEvent#metadata()}. */
        METADATA,
        /** {@link ProviderEvent#runId()}, and the run id a run-scoped sink is given. */
        RUN_ID,
        /** {@link ProviderEvent#requestId()}. */
        REQUEST_ID,
        /** {@link ProviderEvent#traceId()}. */
        TRACE_ID,
        /** {@link ProviderEvent#spanId()}. */
        SPAN_ID,
        /** {@link ProviderEvent#artifactId()}. */
        ARTIFACT_ID,
        /** {@link ProviderEvent#inputDigest()}. */
        INPUT_DIGEST,
        /** The extra fields or attributes a sink is built with. */
        EXTRAS
    }

    /**
     * One case: a provider event (a failed artifact download) carrying {@code sample} at {@code
     * place}, the extras a sink should be built with and the run id a run-scoped sink should
     * use (both harmless unless {@code place} is {@link Place#EXTRAS} or {@link Place#RUN_ID}).
     */
    public record Placed(Place place, Sample sample, ProviderEvent event, JsonObject extras, String runId) {}

    private record Format(String name, BiFunction<SplittableRandom, Secret, Sample> writer) {}

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "AROA", "AIDA", "AGPA", "ANPA"};
    private static final String[] REFERENCE_KEYS = {
        "api_key",
        "apiKey",
        "X-Api-Key",
        "authorization",
        "credential",
        "db_password",
        "client_secret",
        "signature",
        "signed_url",
        "refresh-token",
        "token"
    };
    private static final String[] WIDER_KEYS = {
        "passwd",
        "db_pwd",
        "smtp.pass",
        "userPass",
        "DB_PASS",
        "basic_auth",
        "X-Auth",
        "key",
        "api.key",
        "private_key",
        "privateKey",
        "access-key",
        "AWS_ACCESS_KEY",
        "session",
        "sessionId",
        "X-Session-Id",
        "JSESSIONID",
        "cookie",
        "jwt",
        "url.sig",
        "pin",
        "userPin",
        "pin_code"
    };
    private static final String[] PREFIXES = {
        "", "request failed: ", "retry 2/3 after 429; ", "upstream said ", "[provider] ", "\n", "detail=\"", "("
    };
    private static final String[] SUFFIXES = {"", " (status 401)", "; giving up", "\n", ", region eu", ")", "\" end"};

    private static final List<Format> TEXT_FORMATS = List.of(
            // The reference's own formats.
            new Format("bearer", (r, s) -> sample("bearer", "Bearer " + s.value(), s)),
            new Format("key=value", (r, s) -> sample("key=value", pick(r, REFERENCE_KEYS) + "=" + s.value(), s)),
            new Format("key: value", (r, s) -> sample("key: value", pick(r, REFERENCE_KEYS) + ": " + s.value(), s)),
            new Format("json member", (r, s) -> sample("json member", "{\"password\": \"" + s.value() + "\"}", s)),
            new Format("python dict", (r, s) -> sample("python dict", "{'client_secret': '" + s.value() + "'}", s)),
            new Format(
                    "https userinfo",
                    (r, s) -> sample("https userinfo", "https://user:" + s.value() + "@api.test/v1", s)),
            new Format(
                    "https query", (r, s) -> sample("https query", "https://api.test/v1?x=" + s.value() + "&y=1", s)),
            // Issue 14: what the reference leaks.
            new Format("authorization basic", SecretSamples::basic),
            new Format(
                    "authorization token",
                    (r, s) -> sample(
                            "authorization token",
                            pick(r, "Authorization", "authorization") + ": Token " + s.value(),
                            s)),
            new Format("proxy-authorization", SecretSamples::basic),
            new Format(
                    "authorization digest",
                    (r, s) -> sample(
                            "authorization digest",
                            "Authorization: Digest username=\"bob\", realm=\"api\", nonce=\"" + s.value()
                                    + "\", response=\"9f86d081\"",
                            s)),
            new Format(
                    "upper-case url",
                    (r, s) -> sample(
                            "upper-case url",
                            pick(r, "HTTPS://user:" + s.value() + "@api.test/v1", "Http://api.test/v1?q=" + s.value()),
                            s)),
            new Format(
                    "other-scheme url",
                    (r, s) -> sample(
                            "other-scheme url",
                            pick(
                                    r,
                                    "ftp://user:" + s.value() + "@files.test/pub",
                                    "postgres://app:" + s.value() + "@db.internal:5432/app?sslmode=require",
                                    "mongodb+srv://admin:" + s.value() + "@cluster0.mongodb.test/db?retryWrites=true",
                                    "redis://:" + s.value() + "@cache:6379/0",
                                    "amqp://guest:" + s.value() + "@mq.test/vhost",
                                    "jdbc:postgresql://u:" + s.value() + "@h.test/db"),
                            s)),
            new Format(
                    "scheme-relative url",
                    (r, s) -> sample("scheme-relative url", "//user:" + s.value() + "@host.test/p?x=1", s)),
            new Format(
                    "spaced assignment",
                    (r, s) -> sample(
                            "spaced assignment",
                            pick(r, REFERENCE_KEYS) + pick(r, " = ", " =", "= ", "\t=\t") + s.value(),
                            s)),
            new Format("quoted bearer", (r, s) -> {
                String quote = pick(r, "\"", "'");
                return sample("quoted bearer", "Bearer " + quote + s.value() + quote, s);
            }),
            new Format("percent-encoded bearer", SecretSamples::percentBearer),
            new Format("wider key name", (r, s) -> {
                String key = pick(r, WIDER_KEYS);
                String text = switch (r.nextInt(5)) {
                    case 0 -> key + "=" + s.value();
                    case 1 -> key + " = " + s.value();
                    case 2 -> key + ": " + s.value();
                    case 3 -> "{\"" + key + "\": \"" + s.value() + "\"}";
                    default -> "{'" + key + "': '" + s.value() + "'}";
                };
                return sample("wider key name", text, s);
            }),
            new Format(
                    "cookie header",
                    (r, s) -> sample(
                            "cookie header",
                            pick(
                                    r,
                                    "Cookie: theme=dark; sid=" + s.value(),
                                    "Set-Cookie: id=" + s.value() + "; Path=/; HttpOnly",
                                    "cookie: a=1; b=" + s.value()),
                            s)),
            new Format(
                    "curl user",
                    (r, s) -> sample(
                            "curl user",
                            pick(
                                    r,
                                    "curl -u admin:" + s.value() + " https://api.test",
                                    "curl --user=admin:" + s.value() + " https://api.test",
                                    "curl -u 'admin:" + s.value() + "' https://api.test"),
                            s)),
            new Format("pem private key", SecretSamples::pem),
            new Format("bare token", (r, s) -> {
                Secret vendor = vendorSecret(r, s);
                return sample("bare token", "got " + vendor.value() + " back", vendor);
            }));

    private static final List<Format> TARGET_FORMATS = List.of(
            new Format(
                    "target userinfo",
                    (r, s) -> sample(
                            "target userinfo",
                            pick(r, "https", "HTTP", "Https", "ftp", "postgres", "mongodb+srv", "redis", "s3") + "://"
                                    + pick(r, "user:", ":", "") + s.value() + "@host.test/p",
                            s)),
            new Format(
                    "target query", (r, s) -> sample("target query", "https://api.test/v1?x=" + s.value() + "&y=1", s)),
            new Format("target fragment", (r, s) -> sample("target fragment", "https://api.test/v1#" + s.value(), s)),
            new Format(
                    "target path parameter",
                    (r, s) -> sample(
                            "target path parameter",
                            pick(r, "https://api.test/v1/tasks", "/v1/tasks") + ";"
                                    + pick(r, "token", "sig", "jsessionid", "api_key", "session") + "=" + s.value()
                                    + pick(r, "", "/more", ";v=2"),
                            s)),
            new Format(
                    "target scheme-relative",
                    (r, s) -> sample("target scheme-relative", "//user:" + s.value() + "@host.test/p", s)),
            new Format("target token in path", (r, s) -> {
                Secret vendor = vendorSecret(r, s);
                return sample("target token in path", "https://api.test/v1/keys/" + vendor.value() + "/use", vendor);
            }));

    private final long seed;
    private final SplittableRandom random;

    /** Samples from {@code seed}. */
    public SecretSamples(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed (print it when a property fails). */
    public long seed() {
        return seed;
    }

    /** The random source, for callers choosing placements from the same seed. */
    public SplittableRandom random() {
        return random;
    }

    /** Names of the text formats, in a fixed order. */
    public static List<String> textFormats() {
        return TEXT_FORMATS.stream().map(Format::name).toList();
    }

    /** Names of the target formats, in a fixed order. */
    public static List<String> targetFormats() {
        return TARGET_FORMATS.stream().map(Format::name).toList();
    }

    /** A secret: half of the time {@link Shape#RANDOM}, else a vendor shape. */
    public Secret secret() {
        Shape[] shapes = Shape.values();
        return secret(random.nextBoolean() ? Shape.RANDOM : shapes[1 + random.nextInt(shapes.length - 1)]);
    }

    /** A secret of {@code shape}. */
    public Secret secret(Shape shape) {
        return secret(random, shape);
    }

    /** A secret in a random text format, with random text around it. */
    public Sample text() {
        Sample inner =
                TEXT_FORMATS.get(random.nextInt(TEXT_FORMATS.size())).writer().apply(random, secret());
        return new Sample(
                inner.format(), pick(random, PREFIXES) + inner.text() + pick(random, SUFFIXES), inner.pieces());
    }

    /** A secret in a random target format. */
    public Sample target() {
        return TARGET_FORMATS
                .get(random.nextInt(TARGET_FORMATS.size()))
                .writer()
                .apply(random, secret());
    }

    /** A sample at a random place (see {@link Placed}). */
    public Placed placed() {
        Place place = Place.values()[random.nextInt(Place.values().length)];
        Sample sample = place == Place.TARGET ? target() : text();
        ProviderEvent.Builder event = ProviderEvent.builder("runway", "artifact download", "failure")
                .method("get")
                .target("https://api.test/v1/tasks")
                .statusCode(401)
                .durationMs(12.5)
                .message("download failed")
                .metadata(JsonObject.of("capability", JsonString.of("generate")));
        JsonObject extras = JsonObject.of("service", JsonString.of("host"));
        String runId = "run-" + random.nextInt(1_000_000);
        switch (place) {
            case MESSAGE -> event.message(sample.text());
            case TARGET -> event.target(sample.text());
            case METADATA -> event.metadata(metadata(sample, secret()));
            case RUN_ID -> {
                event.runId(sample.text());
                runId = sample.text();
            }
            case REQUEST_ID -> event.requestId(sample.text());
            case TRACE_ID -> event.traceId(sample.text());
            case SPAN_ID -> event.spanId(sample.text());
            case ARTIFACT_ID -> event.artifactId(sample.text());
            case INPUT_DIGEST -> event.inputDigest(sample.text());
            case EXTRAS -> extras = metadata(sample, secret());
        }
        return new Placed(place, sample, event.build(), extras, runId);
    }

    /**
     * Metadata holding {@code sample} somewhere: as a string value, as a member name, or (its
     * raw secret) under a secret-named key, at a random depth of objects and arrays, beside
     * harmless members.
     */
    public JsonObject metadata(Sample sample, Secret raw) {
        JsonValue leaf = switch (random.nextInt(3)) {
            case 0 -> JsonObject.of("detail", JsonString.of(sample.text()));
            case 1 -> JsonObject.of(sample.text(), JsonInt.of(1));
            default ->
                JsonObject.of(
                        pick(random, random.nextBoolean() ? REFERENCE_KEYS : WIDER_KEYS), JsonString.of(raw.value()));
        };
        int depth = random.nextInt(3);
        for (int i = 0; i < depth; i++) {
            leaf = random.nextBoolean()
                    ? JsonObject.of("nested", leaf, "n", JsonInt.of(i))
                    : JsonArray.of(JsonString.of("item"), leaf);
        }
        return JsonObject.builder()
                .put("capability", JsonString.of("generate"))
                .put("status", JsonString.of("submitted"))
                .put("payload", leaf)
                .build();
    }

    // ------------------------------------------------------------------------------------------

    private static Sample sample(String format, String text, Secret secret) {
        return new Sample(format, text, secret.pieces());
    }

    private static Sample basic(SplittableRandom r, Secret s) {
        String credentials = Base64.getEncoder()
                .encodeToString(("user" + r.nextInt(100) + ":" + s.value()).getBytes(StandardCharsets.UTF_8));
        boolean proxy = r.nextBoolean();
        String header = proxy ? "Proxy-Authorization" : pick(r, "Authorization", "authorization", "AUTHORIZATION");
        return new Sample(
                proxy ? "proxy-authorization" : "authorization basic",
                header + ": Basic " + credentials,
                alnumPieces(credentials.substring(8)));
    }

    private static Sample percentBearer(SplittableRandom r, Secret s) {
        String head = chars(r, ALNUM, 10);
        String tail = chars(r, ALNUM, 10);
        return new Sample("percent-encoded bearer", "Bearer " + head + "%2F" + tail, List.of(head, "2F" + tail));
    }

    private static Sample pem(SplittableRandom r, Secret s) {
        StringBuilder body = new StringBuilder();
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String line = chars(r, ALNUM, 64);
            body.append(line).append('\n');
            pieces.add(line);
        }
        String label = pick(r, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY");
        String text = "key material:\n-----BEGIN " + label + "-----\n" + body
                + (r.nextInt(4) == 0 ? "" : "-----END " + label + "-----\n");
        return new Sample("pem private key", text, pieces);
    }

    /** {@code s} when it has a vendor shape, else a new vendor secret (a random string alone is no secret). */
    private static Secret vendorSecret(SplittableRandom r, Secret s) {
        if (s.shape() != Shape.RANDOM) {
            return s;
        }
        Shape[] shapes = Shape.values();
        return secret(r, shapes[1 + r.nextInt(shapes.length - 1)]);
    }

    private static Secret secret(SplittableRandom r, Shape shape) {
        return switch (shape) {
            case RANDOM -> {
                String value = chars(r, ALNUM, 7 + r.nextInt(4))
                        + pick(r, "", "-", "_", ".", "~")
                        + chars(r, ALNUM, 7 + r.nextInt(4))
                        + pick(r, "", "-", "_")
                        + chars(r, ALNUM, 6 + r.nextInt(8));
                yield new Secret(shape, value, alnumPieces(value));
            }
            case AWS_ACCESS_KEY -> {
                String body = chars(r, UPPER_DIGITS, 16);
                yield new Secret(shape, pick(r, AWS_PREFIXES) + body, List.of(body));
            }
            case GITHUB_TOKEN -> {
                String body = chars(r, ALNUM, 36);
                yield new Secret(shape, "gh" + pick(r, "p", "o", "u", "s", "r") + "_" + body, List.of(body));
            }
            case GITHUB_FINE_GRAINED_TOKEN -> {
                String head = chars(r, ALNUM, 22);
                String body = chars(r, ALNUM, 59);
                yield new Secret(shape, "github_pat_" + head + "_" + body, List.of(head, body));
            }
            case STRIPE_KEY -> {
                String body = chars(r, ALNUM, 24);
                yield new Secret(
                        shape, pick(r, "sk", "rk") + "_" + pick(r, "live", "test") + "_" + body, List.of(body));
            }
            case OPENAI_KEY -> {
                String body = chars(r, ALNUM, 48);
                yield new Secret(shape, "sk-" + pick(r, "", "proj-") + body, List.of(body));
            }
            case SLACK_TOKEN -> {
                String team = chars(r, "0123456789", 12);
                String user = chars(r, "0123456789", 12);
                String body = chars(r, ALNUM, 24);
                yield new Secret(
                        shape,
                        "xox" + pick(r, "b", "p", "a", "s") + "-" + team + "-" + user + "-" + body,
                        List.of(team, user, body));
            }
            case GOOGLE_API_KEY -> {
                String body = chars(r, ALNUM, 35);
                yield new Secret(shape, "AIza" + body, List.of(body));
            }
            case JWT -> {
                String payload =
                        base64Url("{\"sub\":\"" + chars(r, ALNUM, 16) + "\",\"iat\":" + r.nextInt(1 << 30) + "}");
                String signature = chars(r, ALNUM + "-_", 43);
                String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
                List<String> pieces = new ArrayList<>(alnumPieces(payload.substring(3)));
                pieces.addAll(alnumPieces(signature));
                yield new Secret(shape, header + "." + payload + "." + signature, pieces);
            }
        };
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The runs of letters and digits of {@code value} at least 6 long. */
    private static List<String> alnumPieces(String value) {
        List<String> pieces = new ArrayList<>();
        for (String run : value.split("[^A-Za-z0-9]+")) {
            if (run.length() >= 6) {
                pieces.add(run);
            }
        }
        return pieces;
    }

    private static String chars(SplittableRandom r, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }
}
