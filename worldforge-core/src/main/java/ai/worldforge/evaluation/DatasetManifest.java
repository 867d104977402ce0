package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.LimitedInputStream;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A schema-versioned manifest that cites the datasets behind an evaluation without storing them
 * (the reference's {@code DatasetManifest}, schema 1). Evaluation provenance records a compact
 * {@link #toReference reference} of each manifest (id, digest, entry count, license, privacy and
 * safety flags), never the entries themselves.
 *
 * <p>Parsing ({@link #load}, {@link #parse}, {@link #fromJson}) validates in the reference's order
 * and with its messages, prefixed {@code Dataset manifest <source>}:
 *
 * <ul>
 *   <li>{@code schema_version} 1; {@code entries} a non-empty list; non-blank {@code id, name,
 *       description, license};
 *   <li>{@code provenance} with non-blank {@code source, version, owner}; {@code privacy} with a
 *       {@code classification} of {@code public|restricted|sensitive} and a boolean {@code
 *       contains_personal_data}; {@code safety} with booleans {@code reviewed,
 *       contains_sensitive_capability_data, contains_robot_logs};
 *   <li>{@code host_acquisition_steps} a non-empty list of non-blank strings; optional {@code
 *       metadata} object;
 *   <li>each entry: non-blank {@code id}, a known {@code kind}, non-blank {@code description},
 *       {@code sha256} exactly {@code sha256:<64 hex>}, optional non-blank {@code license} and
 *       {@code metadata} object; a {@code local-fixture} has a safe relative {@code path} (no
 *       {@code ~}, {@code \}, {@code :} or {@code ..}; suffix {@code .json, .jsonl, .csv, .txt,
 *       .md}) that, given a root, must be a file inside it of at most 1,000,000 bytes matching the
 *       digest; a {@code remote-reference} has an https {@code uri} with a host and no query or
 *       fragment; a {@code host-asset} has an {@code asset_id} and no {@code path}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class DatasetManifest {
    /** The manifest schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Privacy classifications, in the reference's order. */
    public static final List<String> PRIVACY_CLASSIFICATIONS = List.of("public", "restricted", "sensitive");

    /** The largest local fixture a manifest may cite, in bytes. */
    public static final long MAX_LOCAL_FIXTURE_BYTES = 1_000_000L;

    private static final Set<String> SAFE_LOCAL_SUFFIXES = Set.of(".json", ".jsonl", ".csv", ".txt", ".md");
    private static final List<String> PROVENANCE_FIELDS = List.of("source", "version", "owner");
    private static final List<String> SAFETY_FIELDS =
            List.of("reviewed", "contains_sensitive_capability_data", "contains_robot_logs");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final String id;
    private final String name;
    private final String description;
    private final String license;
    private final JsonObject provenance;
    private final JsonObject privacy;
    private final JsonObject safety;
    private final List<String> hostAcquisitionSteps;
    private final List<DatasetManifestEntry> entries;
    private final JsonObject metadata;

    private DatasetManifest(
            String id,
            String name,
            String description,
            String license,
            JsonObject provenance,
            JsonObject privacy,
            JsonObject safety,
            List<String> hostAcquisitionSteps,
            List<DatasetManifestEntry> entries,
            JsonObject metadata) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.license = license;
        this.provenance = provenance;
        this.privacy = privacy;
        this.safety = safety;
        this.hostAcquisitionSteps = List.copyOf(hostAcquisitionSteps);
        this.entries = List.copyOf(entries);
        this.metadata = metadata;
    }

    // ------------------------------------------------------------------------------------------
    // Loading and parsing

    /**
     * Loads and validates the manifest file {@code path}; local fixtures are checked under {@code
     * root} (the reference defaults it to the working directory; the CLI passes that).
     *
     * @throws WorldForgeException {@code Failed to read dataset manifest <path>: <reason>}, {@code
     *     Dataset manifest <path> contains invalid JSON: <reason>} or a validation message
     */
    public static DatasetManifest load(Path path, Path root) {
        Objects.requireNonNull(root, "root");
        String source = path.toString();
        String text;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = new LimitedInputStream(in, BoundedFiles.DEFAULT_DOCUMENT_BYTES).readAllBytes();
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            // The reference surfaces Python's OSError text.
            throw new WorldForgeException(
                    "Failed to read dataset manifest " + source + ": [Errno 2] No such file or directory: '" + source
                            + "'",
                    e);
        } catch (CharacterCodingException e) {
            throw new WorldForgeException(
                    "Failed to read dataset manifest " + source + ": the file is not valid UTF-8.", e);
        } catch (IOException e) {
            throw new WorldForgeException("Failed to read dataset manifest " + source + ": " + e, e);
        }
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException(
                    "Dataset manifest " + source + " contains invalid JSON: " + e.getMessage(), e);
        }
        return fromJson(payload, source, Optional.of(root));
    }

    /**
     * Parses manifest JSON text (source {@code <string>}); local fixtures are checked only when
     * {@code root} is given.
     *
     * @throws WorldForgeException {@code Dataset manifest <string> contains invalid JSON: ...},
     *     {@code Dataset manifest <string> must be a JSON object.} or a validation message
     */
    public static DatasetManifest parse(String text, Optional<Path> root) {
        JsonValue decoded;
        try {
            decoded = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("Dataset manifest <string> contains invalid JSON: " + e.getMessage(), e);
        }
        if (!(decoded instanceof JsonObject)) {
            throw new WorldForgeException("Dataset manifest <string> must be a JSON object.");
        }
        return fromJson(decoded, "<string>", root);
    }

    /** {@link #fromJson(JsonValue, String, Optional)} with source {@code <dict>}. */
    public static DatasetManifest fromJson(JsonValue payload, Optional<Path> root) {
        return fromJson(payload, "<dict>", root);
    }

    /**
     * Validates a decoded manifest.
     *
     * @param source how messages name the manifest (a path, {@code <string>} or {@code <dict>})
     * @param root the directory local fixtures must live in; without it their files are not checked
     * @throws WorldForgeException with the reference's message for the first invalid field
     */
    public static DatasetManifest fromJson(JsonValue payload, String source, Optional<Path> root) {
        String prefix = "Dataset manifest " + source;
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException(prefix + " must be a JSON object.");
        }
        JsonValue schema = object.get("schema_version");
        if (!isSchemaVersion(schema)) {
            throw new WorldForgeException(
                    prefix + " schema_version must be " + SCHEMA_VERSION + ", got " + pyRepr(schema) + ".");
        }
        if (!(object.get("entries") instanceof JsonArray entryArray) || entryArray.isEmpty()) {
            throw new WorldForgeException(prefix + " entries must be a non-empty list.");
        }
        String id = requiredText(object.get("id"), prefix + " id");
        String name = requiredText(object.get("name"), prefix + " name");
        String description = requiredText(object.get("description"), prefix + " description");
        String license = requiredText(object.get("license"), prefix + " license");
        JsonObject provenance = requireJsonObject(object.get("provenance"), prefix + " provenance");
        for (String field : PROVENANCE_FIELDS) {
            requiredText(provenance.get(field), prefix + " provenance." + field);
        }
        JsonObject privacy = privacy(object.get("privacy"), prefix);
        JsonObject safety = requireJsonObject(object.get("safety"), prefix + " safety");
        for (String field : SAFETY_FIELDS) {
            if (!(safety.get(field) instanceof JsonBool)) {
                throw new WorldForgeException(prefix + " safety." + field + " must be a boolean.");
            }
        }
        List<String> steps = nonEmptyStrings(object.get("host_acquisition_steps"), prefix + " host_acquisition_steps");
        List<DatasetManifestEntry> entries = new ArrayList<>(entryArray.size());
        for (int i = 0; i < entryArray.size(); i++) {
            entries.add(entry(entryArray.get(i), prefix + " entries[" + i + "]", root));
        }
        JsonValue metadataValue = object.get("metadata");
        JsonObject metadata = metadataValue == null || metadataValue instanceof JsonNull
                ? JsonObject.EMPTY
                : requireJsonObject(metadataValue, prefix + " metadata");
        DatasetManifest manifest = new DatasetManifest(
                id, name, description, license, provenance, privacy, safety, steps, entries, metadata);
        // Keys the manifest does not use are not kept, but they must still be finite JSON.
        Checks.jsonObject(object, prefix);
        return manifest;
    }

    /**
     * The provenance references of manifest files, in order: each is {@link #load loaded} under
     * {@code root} and referenced with its path ({@link #toReference}). This is what the CLI's
     * {@code eval --dataset-manifest PATH} passes to {@link EvaluationSuite#runReport(List,
     * ai.worldforge.World, ai.worldforge.WorldForge, List)}.
     *
     * @throws WorldForgeException the first load or validation error
     */
    public static List<JsonObject> references(List<Path> manifestPaths, Path root) {
        List<JsonObject> out = new ArrayList<>(manifestPaths.size());
        for (Path path : manifestPaths) {
            out.add(load(path, root).toReference(Optional.of(path), Optional.of(root)));
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------------------------------
    // Accessors and renderings

    /** The manifest id. */
    public String id() {
        return id;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** The description. */
    public String description() {
        return description;
    }

    /** The license note. */
    public String license() {
        return license;
    }

    /** {@code {source, version, owner, ...}} as given. */
    public JsonObject provenance() {
        return provenance;
    }

    /** {@code {classification, contains_personal_data, ...}} with the classification stripped. */
    public JsonObject privacy() {
        return privacy;
    }

    /** {@code {reviewed, contains_sensitive_capability_data, contains_robot_logs, ...}}. */
    public JsonObject safety() {
        return safety;
    }

    /** How a host acquires the data. */
    public List<String> hostAcquisitionSteps() {
        return hostAcquisitionSteps;
    }

    /** The entries, in order. */
    public List<DatasetManifestEntry> entries() {
        return entries;
    }

    /** Free JSON metadata. */
    public JsonObject metadata() {
        return metadata;
    }

    /** The schema version, {@value #SCHEMA_VERSION}. */
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** The number of entries. */
    public int entryCount() {
        return entries.size();
    }

    /**
     * The reference's {@code to_dict()}: {@code schema_version, id, name, description, license,
     * provenance, privacy, safety, host_acquisition_steps, entries, metadata}.
     */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("schema_version", SCHEMA_VERSION)
                .put("id", id)
                .put("name", name)
                .put("description", description)
                .put("license", license)
                .put("provenance", provenance)
                .put("privacy", privacy)
                .put("safety", safety)
                .put(
                        "host_acquisition_steps",
                        JsonArray.copyOf(hostAcquisitionSteps.stream()
                                .map(JsonString::of)
                                .toList()))
                .put(
                        "entries",
                        JsonArray.copyOf(entries.stream()
                                .map(DatasetManifestEntry::toJson)
                                .toList()))
                .put("metadata", metadata)
                .build();
    }

    /** Pretty JSON with sorted keys and a trailing newline (the reference's {@code to_json()}). */
    public String toJsonText() {
        return Json.writePretty(toJson(), true) + "\n";
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical compact {@link #toJson()}. */
    public String digest() {
        return ProvenanceEnvelope.digestPayload(toJson());
    }

    /**
     * The provenance reference: {@code {schema_version, id, name, sha256, entry_count, license,
     * privacy{classification, contains_personal_data}, safety{reviewed,
     * contains_sensitive_capability_data, contains_robot_logs}, host_owned: true}}, plus, when
     * {@code path} is given, either {@code path} (its {@code /}-separated location relative to
     * {@code root}, for a {@code .json} file inside the root) or {@code local_only: true}. The
     * entries themselves are never included.
     *
     * @param path where the manifest was read from, if it came from a file
     * @param root the repository root; when absent the process working directory, as in the
     *     reference
     */
    public JsonObject toReference(Optional<Path> path, Optional<Path> root) {
        JsonObject.Builder out = JsonObject.builder()
                .put("schema_version", SCHEMA_VERSION)
                .put("id", id)
                .put("name", name)
                .put("sha256", digest())
                .put("entry_count", entryCount())
                .put("license", license)
                .put(
                        "privacy",
                        JsonObject.builder(2)
                                .put("classification", Objects.requireNonNull(privacy.get("classification")))
                                .put(
                                        "contains_personal_data",
                                        Objects.requireNonNull(privacy.get("contains_personal_data")))
                                .build())
                .put(
                        "safety",
                        JsonObject.builder(3)
                                .put("reviewed", Objects.requireNonNull(safety.get("reviewed")))
                                .put(
                                        "contains_sensitive_capability_data",
                                        Objects.requireNonNull(safety.get("contains_sensitive_capability_data")))
                                .put("contains_robot_logs", Objects.requireNonNull(safety.get("contains_robot_logs")))
                                .build())
                .put("host_owned", true);
        if (path.isPresent()) {
            Path base = root.orElseGet(() -> Path.of("").toAbsolutePath());
            Optional<String> display = repoRelativeJsonPath(path.get(), base);
            if (display.isPresent()) {
                out.put("path", display.get());
            } else {
                out.put("local_only", true);
            }
        }
        return out.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetManifest that && toJson().equals(that.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "DatasetManifest[" + id + ", " + entries.size() + " entries]";
    }

    // ------------------------------------------------------------------------------------------
    // Validation helpers

    private static DatasetManifestEntry entry(JsonValue value, String source, Optional<Path> root) {
        if (!(value instanceof JsonObject payload)) {
            throw new WorldForgeException(source + " dataset manifest entry must be a JSON object.");
        }
        String entryId = requiredText(payload.get("id"), source + ".id");
        String kindName = requiredText(payload.get("kind"), source + ".kind");
        DatasetManifestEntry.Kind kind = DatasetManifestEntry.Kind.fromWireName(kindName)
                .orElseThrow(() -> new WorldForgeException(source + ".kind must be one of: "
                        + String.join(", ", DatasetManifestEntry.Kind.wireNames()) + "."));
        String description = requiredText(payload.get("description"), source + ".description");
        String sha256 = sha256Digest(payload.get("sha256"), source + ".sha256");
        JsonValue licenseValue = payload.get("license");
        Optional<String> license = licenseValue == null || licenseValue instanceof JsonNull
                ? Optional.empty()
                : Optional.of(requiredText(licenseValue, source + ".license"));
        JsonValue metadataValue = payload.get("metadata");
        JsonObject metadata = metadataValue == null || metadataValue instanceof JsonNull
                ? JsonObject.EMPTY
                : requireJsonObject(metadataValue, source + ".metadata");
        Optional<String> path = Optional.empty();
        Optional<String> uri = Optional.empty();
        Optional<String> assetId = Optional.empty();
        switch (kind) {
            case LOCAL_FIXTURE -> {
                String relative = safeRelativePath(payload.get("path"), source + ".path");
                root.ifPresent(r -> checkLocalFixture(relative, sha256, r, source));
                path = Optional.of(relative);
            }
            case REMOTE_REFERENCE -> uri = Optional.of(safeRemoteUri(payload.get("uri"), source + ".uri"));
            case HOST_ASSET -> {
                assetId = Optional.of(requiredText(payload.get("asset_id"), source + ".asset_id"));
                if (payload.has("path")) {
                    throw new WorldForgeException(source + ".path must not be used for host-owned assets; record "
                            + "host_acquisition_steps instead.");
                }
            }
        }
        return new DatasetManifestEntry(entryId, kind, description, sha256, path, uri, assetId, license, metadata);
    }

    private static JsonObject privacy(@Nullable JsonValue value, String prefix) {
        JsonObject payload = requireJsonObject(value, prefix + " privacy");
        String classification = requiredText(payload.get("classification"), prefix + " privacy.classification");
        if (!PRIVACY_CLASSIFICATIONS.contains(classification)) {
            throw new WorldForgeException(prefix + " privacy.classification must be one of: "
                    + String.join(", ", PRIVACY_CLASSIFICATIONS) + ".");
        }
        if (!(payload.get("contains_personal_data") instanceof JsonBool)) {
            throw new WorldForgeException(prefix + " privacy.contains_personal_data must be a boolean.");
        }
        return payload.with("classification", JsonString.of(classification));
    }

    private static String requiredText(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonString text) || PyStrings.strip(text.value()).isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return PyStrings.strip(text.value());
    }

    private static List<String> nonEmptyStrings(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty list of strings.");
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(requiredText(array.get(i), name + "[" + i + "]"));
        }
        return out;
    }

    private static String sha256Digest(@Nullable JsonValue value, String name) {
        String digest = requiredText(value, name);
        if (!digest.startsWith("sha256:")
                || !HEX64.matcher(digest.substring("sha256:".length())).matches()) {
            throw new WorldForgeException(name + " must be a sha256:<64 hex> digest.");
        }
        return digest;
    }

    /** The reference's {@code require_json_dict}: an object holding only finite numbers. */
    private static JsonObject requireJsonObject(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonObject object)) {
            throw new WorldForgeException(name + " must be a JSON object.");
        }
        return Checks.jsonObject(object, name);
    }

    /**
     * A repository-relative path: not absolute, no {@code ~} prefix, no {@code \} or {@code :},
     * no {@code ..} segment (empty and {@code .} segments are dropped, as Python's {@code Path}
     * does), and a safe text suffix; returned {@code /}-joined.
     */
    private static String safeRelativePath(@Nullable JsonValue value, String name) {
        String text = requiredText(value, name);
        if (text.startsWith("/") || text.startsWith("~") || text.contains("\\") || text.contains(":")) {
            throw new WorldForgeException(name + " must be a repository-relative safe path.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/", -1)) {
            if (part.equals("..")) {
                throw new WorldForgeException(name + " must not contain traversal segments.");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        String fileName = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        if (!SAFE_LOCAL_SUFFIXES.contains(suffix(fileName).toLowerCase(Locale.ROOT))) {
            throw new WorldForgeException(name + " must reference a safe text or JSON fixture file.");
        }
        return String.join("/", parts);
    }

    /** Python's {@code PurePath.suffix}: from the last dot, unless the name starts or ends there. */
    private static String suffix(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot) : "";
    }

    private static void checkLocalFixture(String path, String sha256, Path root, String source) {
        Path rootPath = resolve(root);
        Path target = resolve(rootPath.resolve(path));
        if (!target.startsWith(rootPath)) {
            throw new WorldForgeException(source + ".path resolves outside the manifest root.");
        }
        if (!Files.isRegularFile(target)) {
            throw new WorldForgeException(source + ".path local fixture does not exist: " + path);
        }
        try {
            if (Files.size(target) > MAX_LOCAL_FIXTURE_BYTES) {
                throw new WorldForgeException(
                        source + ".path exceeds " + MAX_LOCAL_FIXTURE_BYTES + " bytes; do not store datasets here.");
            }
            if (!sha256File(target).equals(sha256)) {
                throw new WorldForgeException(source + ".sha256 does not match local fixture " + path + ".");
            }
        } catch (IOException e) {
            throw new WorldForgeException(source + ".path local fixture could not be read: " + path, e);
        }
    }

    /** Python's {@code Path.resolve()}: absolute, symlinks followed where the path exists. */
    private static Path resolve(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String sha256File(Path path) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /**
     * An https URI with a host and no query or fragment, split the way Python's {@code urlsplit}
     * does (scheme compared case-insensitively; empty query and fragment markers are allowed).
     */
    private static String safeRemoteUri(@Nullable JsonValue value, String name) {
        String uri = requiredText(value, name);
        String scheme = "";
        String rest = uri;
        var schemeMatch = URI_SCHEME.matcher(uri);
        if (schemeMatch.find()) {
            scheme = schemeMatch.group(1).toLowerCase(Locale.ROOT);
            rest = uri.substring(schemeMatch.end());
        }
        String netloc = "";
        if (rest.startsWith("//")) {
            int end = rest.length();
            for (char delimiter : new char[] {'/', '?', '#'}) {
                int at = rest.indexOf(delimiter, 2);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            netloc = rest.substring(2, end);
            rest = rest.substring(end);
            if (netloc.contains("[") != netloc.contains("]")) {
                throw new WorldForgeException(name + " must be a valid https URI.");
            }
        }
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
        }
        if (!scheme.equals("https") || netloc.isEmpty()) {
            throw new WorldForgeException(name + " must be a stable https URI.");
        }
        if (!query.isEmpty() || !fragment.isEmpty()) {
            throw new WorldForgeException(name + " must not include query strings or fragments.");
        }
        return uri;
    }

    /** The root-relative {@code /}-joined path of a {@code .json} file inside {@code root}. */
    private static Optional<String> repoRelativeJsonPath(Path path, Path root) {
        Path rootPath = resolve(root);
        // Like the reference, a relative manifest path is taken as given (against the working
        // directory, where it was read from), not against the root.
        Path target = resolve(path);
        if (!target.startsWith(rootPath) || target.equals(rootPath)) {
            return Optional.empty();
        }
        Path relative = rootPath.relativize(target);
        String fileName = relative.getFileName().toString();
        if (!suffix(fileName).toLowerCase(Locale.ROOT).equals(".json")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return Optional.of(String.join("/", parts));
    }

    /** Python compares {@code schema_version == 1}, so {@code 1.0} is accepted too. */
    private static boolean isSchemaVersion(@Nullable JsonValue value) {
        if (value instanceof JsonInt i) {
            return i.fitsLong() && i.longValue() == SCHEMA_VERSION;
        }
        return value instanceof JsonFloat f && f.value() == SCHEMA_VERSION;
    }

    /** Python's {@code repr} of a decoded JSON value, for the schema-version message. */
    static String pyRepr(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "None";
        }
        if (value instanceof JsonBool b) {
            return b.value() ? "True" : "False";
        }
        if (value instanceof JsonString s) {
            String text = s.value();
            boolean useDouble = text.contains("'") && !text.contains("\"");
            char quote = useDouble ? '"' : '\'';
            StringBuilder out = new StringBuilder().append(quote);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    out.append("\\\\");
                } else if (c == quote) {
                    out.append('\\').append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else if (c < 0x20 || c == 0x7f) {
                    out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append(quote).toString();
        }
        if (value instanceof JsonInt || value instanceof JsonFloat) {
            return ai.worldforge.internal.JsonReads.toStr(value);
        }
        // Containers: canonical JSON is close enough to Python's repr for a diagnostic.
        return value.toCanonicalJson();
    }
}
