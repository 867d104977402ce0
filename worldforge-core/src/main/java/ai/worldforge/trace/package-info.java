/**
 * Workflow traces and result provenance: {@link ai.worldforge.trace.WorkflowTrace} (schema 1) is a
 * safe, JSON-native record of the steps of a composed workflow (planning, evaluation, benchmarks),
 * built from {@link ai.worldforge.trace.WorkflowTraceStep}s and {@link
 * ai.worldforge.trace.WorkflowArtifactRef}s or from provider events with {@link
 * ai.worldforge.trace.WorkflowTraces#fromProviderEvents}; {@link
 * ai.worldforge.trace.ProvenanceEnvelope} (schema 2) is the metadata that substantiates an
 * evaluation or benchmark claim. All text is sanitised on construction: secrets are redacted and
 * host-local paths replaced, so every value here is safe to attach to an issue.
 */
@NullMarked
package ai.worldforge.trace;

import org.jspecify.annotations.NullMarked;
