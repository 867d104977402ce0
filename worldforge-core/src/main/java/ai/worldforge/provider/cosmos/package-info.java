/**
 * The {@code cosmos} provider: NVIDIA Cosmos NIM media generation over HTTP ({@code POST
 * /v1/infer}, inline base64 MP4), built on {@link ai.worldforge.provider.http}.
 */
@NullMarked
package ai.worldforge.provider.cosmos;

import org.jspecify.annotations.NullMarked;
