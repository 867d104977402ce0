/** Immutable domain records: geometry, scene objects, actions, goals, world state and results. */
@NullMarked
package ai.worldforge.model;

import org.jspecify.annotations.NullMarked;
