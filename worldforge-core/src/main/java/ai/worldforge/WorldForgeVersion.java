package ai.worldforge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this WorldForge build, as recorded in reports and provenance. */
public final class WorldForgeVersion {
    private static final String VERSION = load();

    private WorldForgeVersion() {}

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build did not record it. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = WorldForgeVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            // An unfiltered resource (e.g. run from an IDE without Maven) still says ${…}.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
