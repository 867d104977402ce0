/** The exception hierarchy: input validation ({@code WorldForgeException}, {@code WorldStateException}) and provider failures ({@code ProviderException}). */
@NullMarked
package ai.worldforge.error;

import org.jspecify.annotations.NullMarked;
