package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One configuration variable a catalog provider reads, as the reference's {@code config_summary()}
 * reports it: the canonical name and aliases, whether it is required or secret, how a set value is
 * validated, and how presence, source and detail are derived. Loaded from the bundled catalog.
 * Immutable and thread-safe.
 *
 * @param name canonical variable name
 * @param aliases legacy names accepted instead (the first set one wins, canonical name first)
 * @param required whether the provider needs it
 * @param secret whether it holds a credential
 * @param kind how a set value is validated and normalised
 * @param label the name used in validation messages (e.g. {@code GR00T policy port})
 * @param choices allowed values for {@link ValueKind#ONE_OF}
 * @param defaulted whether an unset variable reports source {@code default} rather than {@code unset}
 * @param presence how {@code present} is derived
 * @param defaultValue the value in effect when unset ({@code ""} when there is none)
 * @param detail how {@code detail} is derived
 */
public record ProviderConfigField(
        String name,
        List<String> aliases,
        boolean required,
        boolean secret,
        ValueKind kind,
        String label,
        List<String> choices,
        boolean defaulted,
        Presence presence,
        String defaultValue,
        Detail detail) {

    /** How a set value is validated (as the reference's constructors do) and normalised. */
    public enum ValueKind {
        /** Any non-blank text, trimmed. */
        TEXT,
        /** {@code 1,true,yes,on} / {@code 0,false,no,off}, case-insensitive; normalised to {@code true|false}. */
        BOOL,
        /** A base-10 integer greater than 0. */
        POSITIVE_INT,
        /** A finite number greater than 0 (Python {@code float()} syntax). */
        POSITIVE_FLOAT,
        /** One of {@link #choices()}, case-insensitive; normalised to lower case. */
        ONE_OF,
        /** A comma-separated list of host patterns; blank items are dropped. */
        HOST_PATTERNS
    }

    /** How {@code present} is derived. */
    public enum Presence {
        /** Present when the variable (or an alias) is set. */
        SET,
        /** Always present (a default value is always in effect). */
        ALWAYS,
        /** Present when the effective value differs from {@link #defaultValue()}. */
        NON_DEFAULT,
        /** Present when the effective boolean value is true. */
        TRUE
    }

    /**
     * How {@code detail} is derived; empty strings mean "not applicable". {@code "missing"} is
     * reported for required absent fields whatever this says.
     *
     * @param whenUnset the detail when the variable is unset
     * @param whenSet the detail when it is set; {@code {value}} is replaced by the normalised value
     * @param onlyIfValue when non-empty, {@code whenSet} applies only if the normalised value equals it
     * @param unlessSet when non-empty, {@code whenSet} applies only if this other variable is unset
     */
    public record Detail(String whenUnset, String whenSet, String onlyIfValue, String unlessSet) {
        /** No detail. */
        public static final Detail NONE = new Detail("", "", "", "");

        /** Validates presence. */
        public Detail {
            Objects.requireNonNull(whenUnset);
            Objects.requireNonNull(whenSet);
            Objects.requireNonNull(onlyIfValue);
            Objects.requireNonNull(unlessSet);
        }
    }

    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");
    private static final String DIGITS = "[0-9]+(?:_[0-9]+)*";
    private static final Pattern PY_FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

    /** Validates presence, copies lists and checks the kind-specific parts. */
    public ProviderConfigField {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("Provider config field name must be a non-empty string.");
        }
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(label);
        choices = List.copyOf(choices);
        Objects.requireNonNull(presence);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(detail);
        if (kind == ValueKind.ONE_OF && choices.isEmpty()) {
            throw new WorldForgeException("Provider config field " + name + " needs choices.");
        }
    }

    /** The canonical name followed by the aliases, in lookup order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    /** The first of {@link #names()} set (non-blank) in {@code environment}. */
    public Optional<String> setName(Environment environment) {
        for (String candidate : names()) {
            if (environment.isSet(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The normalised value from {@code environment}, when set. Invalid values throw {@link
     * WorldForgeException} with the reference's message (for example {@code GR00T policy port must
     * be an integer greater than 0.}); the message never contains a secret field's value.
     */
    public Optional<String> value(Environment environment) {
        Optional<String> variable = setName(environment);
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        String raw = Objects.requireNonNull(environment.value(variable.get()));
        return Optional.of(normalise(raw));
    }

    /** Validates any set value ({@link #value(Environment)}) without building a summary. */
    public void validate(Environment environment) {
        value(environment);
    }

    /** The value-free summary of this field under {@code environment} (validating it first). */
    public ConfigFieldSummary summarize(Environment environment) {
        Optional<String> variable = setName(environment);
        Optional<String> value = value(environment);
        String effective = value.orElse(defaultValue);
        boolean present = switch (presence) {
            case SET -> variable.isPresent();
            case ALWAYS -> true;
            case NON_DEFAULT -> !sameValue(effective, defaultValue);
            case TRUE -> effective.equals("true");
        };
        String source = variable.map(v -> "env:" + v).orElse(defaulted ? "default" : "unset");
        String text = detailText(environment, value);
        if (text.isEmpty() && required && !present) {
            text = "missing";
        }
        return new ConfigFieldSummary(name, present, source, required, secret, !required || present, text, aliases);
    }

    private String detailText(Environment environment, Optional<String> value) {
        if (value.isEmpty()) {
            return detail.whenUnset();
        }
        if (!detail.onlyIfValue().isEmpty() && !detail.onlyIfValue().equals(value.get())) {
            return "";
        }
        if (!detail.unlessSet().isEmpty() && environment.isSet(detail.unlessSet())) {
            return "";
        }
        return detail.whenSet().replace("{value}", value.get());
    }

    private boolean sameValue(String a, String b) {
        if (kind == ValueKind.POSITIVE_INT && !a.isEmpty() && !b.isEmpty()) {
            return new BigInteger(a).equals(new BigInteger(b));
        }
        return a.equals(b);
    }

    private String normalise(String raw) {
        String what = label.isEmpty() ? name : label;
        return switch (kind) {
            case TEXT -> raw;
            case BOOL -> {
                String lowered = raw.toLowerCase(Locale.ROOT);
                if (List.of("1", "true", "yes", "on").contains(lowered)) {
                    yield "true";
                }
                if (List.of("0", "false", "no", "off").contains(lowered)) {
                    yield "false";
                }
                throw new WorldForgeException(what + " must be a boolean when provided.");
            }
            case POSITIVE_INT -> {
                if (!PY_INT.matcher(raw).matches()) {
                    throw new WorldForgeException(what + " must be an integer greater than 0.");
                }
                BigInteger number = new BigInteger(raw.replace("_", ""));
                if (number.signum() <= 0) {
                    throw new WorldForgeException(what + " must be an integer greater than 0.");
                }
                yield number.toString();
            }
            case POSITIVE_FLOAT -> {
                if (!PY_FLOAT.matcher(raw).matches()) {
                    throw new WorldForgeException(what + " must be greater than 0.");
                }
                double number = parsePythonFloat(raw);
                if (!Double.isFinite(number)) {
                    throw new WorldForgeException(what + " must be a finite number.");
                }
                if (number <= 0.0) {
                    throw new WorldForgeException(what + " must be greater than 0.");
                }
                yield Double.toString(number);
            }
            case ONE_OF -> {
                String lowered = raw.toLowerCase(Locale.ROOT);
                if (!choices.contains(lowered)) {
                    throw new WorldForgeException(
                            what + " must be one of: " + String.join(", ", choices) + ". Got '" + raw + "'.");
                }
                yield lowered;
            }
            case HOST_PATTERNS -> {
                List<String> patterns = new ArrayList<>();
                for (String item : raw.split(",", -1)) {
                    if (!item.isBlank()) {
                        patterns.add(item.strip().toLowerCase(Locale.ROOT));
                    }
                }
                yield String.join(",", patterns);
            }
        };
    }

    private static double parsePythonFloat(String raw) {
        String lowered = raw.toLowerCase(Locale.ROOT);
        String unsigned = lowered.startsWith("+") || lowered.startsWith("-") ? lowered.substring(1) : lowered;
        boolean negative = lowered.startsWith("-");
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(lowered.replace("_", ""));
    }

    /** Reads one {@code config_fields} entry of the bundled catalog. */
    static ProviderConfigField fromJson(JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Provider catalog config field must be a JSON object.");
        }
        String name = text(object.get("name"), "");
        ValueKind kind = ValueKind.TEXT;
        String label = name;
        List<String> choices = List.of();
        if (object.get("value") instanceof JsonObject value) {
            kind = ValueKind.valueOf(text(value.get("kind"), "text").toUpperCase(Locale.ROOT));
            label = text(value.get("label"), name);
            choices = strings(value.get("choices"));
        }
        Detail detail = Detail.NONE;
        if (object.get("detail") instanceof JsonObject d) {
            detail = new Detail(
                    text(d.get("when_unset"), ""),
                    text(d.get("when_set"), ""),
                    text(d.get("only_if_value"), ""),
                    text(d.get("unless_set"), ""));
        }
        return new ProviderConfigField(
                name,
                strings(object.get("aliases")),
                object.get("required") == JsonBool.TRUE,
                object.get("secret") == JsonBool.TRUE,
                kind,
                label,
                choices,
                text(object.get("unset_source"), "unset").equals("default"),
                Presence.valueOf(text(object.get("present"), "set").toUpperCase(Locale.ROOT)),
                text(object.get("default"), ""),
                detail);
    }

    private static String text(@Nullable JsonValue value, String fallback) {
        return value instanceof JsonString s ? s.value() : fallback;
    }

    private static List<String> strings(@Nullable JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                out.add(((JsonString) item).value());
            }
        }
        return out;
    }
}
