/** The {@code worldforge} command line: command classes, output helpers and the error convention. */
@NullMarked
package ai.worldforge.cli;

import org.jspecify.annotations.NullMarked;
