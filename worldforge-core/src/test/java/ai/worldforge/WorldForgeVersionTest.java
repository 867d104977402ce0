package ai.worldforge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorldForgeVersionTest {
    @Test
    void theBuildRecordsItsVersion() {
        assertThat(WorldForgeVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
