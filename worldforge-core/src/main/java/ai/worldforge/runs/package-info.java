/**
 * Preserved run workspaces ({@code <workspace>/runs/<run-id>/}) and everything built on them: run
 * ids, manifests, listing and cleanup, the run history and index, retention pruning, and the
 * checkout-safe evidence and issue bundles. Every entry point takes the workspace directory as a
 * {@link java.nio.file.Path} and, where time matters, a {@link java.time.Clock}; nothing reads the
 * working directory or the wall clock implicitly.
 */
@NullMarked
package ai.worldforge.runs;

import org.jspecify.annotations.NullMarked;
