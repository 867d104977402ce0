/** The provider SPI, capabilities, profiles, health, request policies and the provider catalog. */
@NullMarked
package ai.worldforge.provider;

import org.jspecify.annotations.NullMarked;
