/**
 * The reference service host: an embedded HTTP service exposing liveness ({@code GET /healthz}),
 * readiness ({@code GET /readyz}), provider diagnostics ({@code GET /providers}), two smoke
 * workflows and, when Micrometer's Prometheus registry is on the classpath, {@code GET /metrics}.
 * Start one with {@link ai.worldforge.server.ServiceHost}; see {@code docs/service-host.md}.
 */
@NullMarked
package ai.worldforge.server;

import org.jspecify.annotations.NullMarked;
