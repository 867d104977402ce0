package ai.worldforge.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of the fenced {@code ```bash} blocks of a Markdown page. Other fences ({@code
 * ```text} for output, {@code ```java}, …) are not commands. Lines ending with {@code \} continue
 * on the next line; blank lines and comment-only lines are not commands.
 */
final class FencedBashBlocks {
    private FencedBashBlocks() {}

    static List<DocsCommand> commands(String file, String markdown) {
        List<DocsCommand> commands = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inBash = false;
        boolean inOtherFence = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("```")) {
                if (inBash || inOtherFence) {
                    inBash = false;
                    inOtherFence = false;
                    pending = null;
                } else if (stripped.equals("```bash")) {
                    inBash = true;
                } else {
                    inOtherFence = true;
                }
                continue;
            }
            if (!inBash) {
                continue;
            }
            if (pending == null) {
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (stripped.endsWith("\\")) {
                pending.append(stripped.substring(0, stripped.length() - 1).strip())
                        .append(' ');
                continue;
            }
            pending.append(stripped);
            commands.add(DocsCommand.of(file, pendingLine, pending.toString()));
            pending = null;
        }
        return commands;
    }
}
