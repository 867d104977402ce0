package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import org.junit.jupiter.api.Test;

class RuntimeAssetManifestTest {
    private static final String SHA = "sha256:" + "a".repeat(64);

    private static RuntimeAssetManifest asset(String path, String cacheRoot, boolean localOnly) {
        return new RuntimeAssetManifest(
                "lewm-pusht",
                "leworldmodel",
                "checkpoint",
                path,
                "huggingface:pusht/lewm",
                "main",
                SHA,
                42L,
                cacheRoot,
                localOnly,
                true,
                "scripts/lewm-real --rebuild");
    }

    @Test
    void safeReferenceOmitsHostLocalFieldsOfLocalOnlyAssets() {
        RuntimeAssetManifest local = asset("/Users/me/.stable-wm/lewm.ckpt", "/Users/me/.stable-wm", true);
        JsonObject reference = local.toReference();
        assertThat(reference.keys())
                .containsExactly(
                        "schema_version",
                        "asset_id",
                        "provider",
                        "asset_kind",
                        "source",
                        "revision",
                        "checksum",
                        "size_bytes",
                        "local_only",
                        "exists",
                        "rebuild_command",
                        "safe_to_attach");
        assertThat(reference.get("safe_to_attach")).isEqualTo(JsonBool.TRUE);
        assertThat(reference.toString()).doesNotContain("/Users/me");

        JsonObject full = local.toJson(true);
        assertThat(full.get("safe_to_attach")).isEqualTo(JsonBool.FALSE);
        assertThat(full.get("path")).isEqualTo(JsonString.of("/Users/me/.stable-wm/lewm.ckpt"));
        assertThat(full.get("cache_root")).isEqualTo(JsonString.of("/Users/me/.stable-wm"));
    }

    @Test
    void nonLocalAssetsKeepAttachablePaths() {
        JsonObject reference = asset("checkpoints/lewm.ckpt", "cache", false).toReference();
        assertThat(reference.get("path")).isEqualTo(JsonString.of("checkpoints/lewm.ckpt"));
        assertThat(reference.get("cache_root")).isEqualTo(JsonString.of("cache"));
    }

    @Test
    void nonLocalAssetsRejectHostLocalPathsSecretsAndQueries() {
        for (String path :
                new String[] {"/tmp/x.ckpt", "/private/x", "/var/folders/x", "~/x", "C:\\x", "d:/x", "/Users/a"}) {
            assertThatThrownBy(() -> asset(path, null, false))
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("Runtime asset path must be local_only=True before using host-local paths.");
        }
        assertThatThrownBy(() -> asset("ok", "/tmp/cache", false))
                .hasMessage("Runtime asset cache_root must be local_only=True before using host-local paths.");
        assertThatThrownBy(() -> asset("https://host/x.ckpt?signature=abc", null, false))
                .hasMessage("Runtime asset path must not contain secret-like material.");
        // URLs with queries are caught by the redaction pass first, as in the reference.
        assertThatThrownBy(() -> asset("https://host/x.ckpt?v=1", null, false))
                .hasMessage("Runtime asset path must not contain secret-like material.");
        // Local-only assets may use host-local paths.
        assertThat(asset("/tmp/x.ckpt", null, true).path()).isEqualTo("/tmp/x.ckpt");
    }

    @Test
    void constructorValidatesEveryField() {
        assertThatThrownBy(() ->
                        new RuntimeAssetManifest(" ", "p", "k", "x", "s", null, null, null, null, true, null, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runtime asset asset_id must be a non-empty string.");
        assertThatThrownBy(() -> new RuntimeAssetManifest(
                        "a", "p", "k", "x", "Bearer abcdef", null, null, null, null, true, null, null))
                .hasMessage("Runtime asset source must not contain secret-like material.");
        assertThatThrownBy(() -> new RuntimeAssetManifest(
                        "a", "p", "k", "x", "https://h/p?x=1", null, null, null, null, true, null, null))
                .hasMessage("Runtime asset source must not contain secret-like material.");
        assertThatThrownBy(() -> new RuntimeAssetManifest(
                        "a", "p", "k", "x", "s", null, "sha256:ABC", null, null, true, null, null))
                .hasMessage("Runtime asset checksum must use sha256:<64 lowercase hex>.");
        assertThatThrownBy(() ->
                        new RuntimeAssetManifest("a", "p", "k", "x", "s", null, null, -1L, null, true, null, null))
                .hasMessage("Runtime asset size_bytes must be an integer greater than or equal to 0.");
        RuntimeAssetManifest stripped = RuntimeAssetManifest.localAsset(" a ", " p ", " k ", " x ", " s ");
        assertThat(stripped.assetId()).isEqualTo("a");
        assertThat(stripped.path()).isEqualTo("x");
    }

    @Test
    void validateChecksSafeReferences() {
        JsonObject reference = asset("/tmp/x", null, true).toReference();
        String source = "runtime asset manifest";
        assertThat(RuntimeAssetManifest.validate(reference, source, false)).isEqualTo(reference);
        assertThatThrownBy(() ->
                        RuntimeAssetManifest.validate(reference.with("schema_version", JsonInt.of(2)), source, false))
                .hasMessage("runtime asset manifest schema_version must be 1.");
        assertThatThrownBy(
                        () -> RuntimeAssetManifest.validate(reference.with("path", JsonString.of("x")), source, false))
                .hasMessage(
                        "runtime asset manifest safe reference must omit path and cache_root for local-only assets.");
        assertThatThrownBy(() ->
                        RuntimeAssetManifest.validate(reference.with("safe_to_attach", JsonBool.FALSE), source, false))
                .hasMessage("runtime asset manifest safe reference must set safe_to_attach to true.");
        assertThatThrownBy(() ->
                        RuntimeAssetManifest.validate(reference.with("safe_to_attach", JsonInt.of(1)), source, false))
                .hasMessage("runtime asset manifest field 'safe_to_attach' must be a boolean.");
        assertThatThrownBy(() -> RuntimeAssetManifest.validate(
                        reference.with("local_only", JsonString.of("yes")), source, false))
                .hasMessage("runtime asset manifest field 'local_only' must be a boolean.");
        assertThatThrownBy(() -> RuntimeAssetManifest.validate(
                        reference.with("checksum", JsonString.of("md5:x")), source, false))
                .hasMessage("runtime asset manifest field 'checksum' must use sha256:<64 lowercase hex>.");
        assertThatThrownBy(
                        () -> RuntimeAssetManifest.validate(reference.with("size_bytes", JsonBool.TRUE), source, false))
                .hasMessage("runtime asset manifest size_bytes must be an integer greater than or equal to 0.");
        assertThatThrownBy(() ->
                        RuntimeAssetManifest.validate(reference.with("exists", JsonString.of("no")), source, false))
                .hasMessage("runtime asset manifest field 'exists' must be a boolean when provided.");
        assertThatThrownBy(() ->
                        RuntimeAssetManifest.validate(reference.with("asset_id", JsonString.of("")), source, false))
                .hasMessage("Runtime asset runtime asset manifest field 'asset_id' must be a non-empty string.");
        JsonObject withoutFlag = RuntimeAssetManifest.validate(reference.without("safe_to_attach"), source, false);
        assertThat(withoutFlag.get("safe_to_attach")).isEqualTo(JsonBool.TRUE);
        assertThatThrownBy(() -> RuntimeAssetManifest.validate(
                        reference.with("local_only", JsonBool.FALSE).with("path", JsonString.of("/tmp/x")),
                        source,
                        false))
                .hasMessage("Runtime asset runtime asset manifest field 'path' must be local_only=True before using"
                        + " host-local paths.");
        assertThatThrownBy(() -> RuntimeAssetManifest.validate(reference, source, true))
                .hasMessage("Runtime asset runtime asset manifest field 'path' must be a non-empty string.");
    }
}
