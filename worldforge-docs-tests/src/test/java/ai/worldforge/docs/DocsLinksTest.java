package ai.worldforge.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link of README.md and docs/*.md names a file of the checkout. */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)\\s]*)?\\)");

    @Test
    void relativeLinksResolve() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Path page : DocsCommandsIT.pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(page.getParent().resolve(target))) {
                    broken.add(DocsCommandsIT.ROOT.relativize(page) + " links to " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }
}
