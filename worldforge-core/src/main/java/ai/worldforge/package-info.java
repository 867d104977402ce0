/**
 * WorldForge for Java: the {@link ai.worldforge.WorldForge} facade (provider registry, catalog,
 * diagnostics, persistence and capability calls) and the {@link ai.worldforge.World} runtime
 * (scene objects with history, prediction and comparison).
 */
@NullMarked
package ai.worldforge;

import org.jspecify.annotations.NullMarked;
