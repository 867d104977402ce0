/**
 * Non-secret configuration profiles (the reference's {@code config_profiles}): {@link
 * ai.worldforge.config.ConfigProfile} loads and validates the JSON defaults that {@code --profile}
 * applies to {@code eval} and {@code benchmark}, and produces the {@code config_profile} block run
 * manifests record.
 */
@NullMarked
package ai.worldforge.config;

import org.jspecify.annotations.NullMarked;
