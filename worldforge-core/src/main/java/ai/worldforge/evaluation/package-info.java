/**
 * Deterministic evaluation suites: typed scenarios scored against a provider, the five built-in
 * suites ({@code generation, physics, planning, reasoning, transfer}) and {@link
 * ai.worldforge.evaluation.EvaluationReport} with provenance and a workflow trace.
 */
@NullMarked
package ai.worldforge.evaluation;

import org.jspecify.annotations.NullMarked;
