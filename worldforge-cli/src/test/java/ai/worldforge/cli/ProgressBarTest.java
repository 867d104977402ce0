package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.provider.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    private ProgressBar bar(long total) {
        return new ProgressBar(new PrintWriter(text), "benchmark", total, ProgressBar.DEFAULT_DELAY_NANOS, now::get);
    }

    @Test
    void staysSilentDuringTheFirstSecond() {
        ProgressBar bar = bar(10);
        bar.advance();
        now.addAndGet(999_000_000L);
        assertThat(bar.tick()).isFalse();
        bar.close();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void drawsInPlaceAfterASecondAndErasesOnClose() {
        ProgressBar bar = bar(20_000);
        for (int i = 0; i < 5_000; i++) {
            bar.advance();
        }
        now.addAndGet(1_500_000_000L);
        assertThat(bar.tick()).isTrue();
        String line = "benchmark [######------------------]  25% 5000/20000 1.5s";
        assertThat(text.toString()).isEqualTo("\r" + line);
        bar.close();
        assertThat(text.toString()).endsWith("\r" + " ".repeat(line.length()) + "\r");
        assertThat(bar.tick()).isFalse();
    }

    @Test
    void neverExceedsTheTotal() {
        ProgressBar bar = bar(2);
        bar.advance();
        bar.advance();
        bar.advance();
        assertThat(bar.line(Math.min(bar.done(), 2), 2_000_000_000L))
                .isEqualTo("benchmark [########################] 100% 2/2 2.0s");
    }

    @Test
    void progressFollowsWhetherStderrIsATerminal() {
        Environment xterm = Environment.of(Map.of("TERM", "xterm-256color"));
        // The launcher's [ -t 2 ] answer decides, whatever stdout is.
        assertThat(Main.stderrIsTerminal("true", xterm)).isTrue();
        assertThat(Main.stderrIsTerminal("false", xterm)).isFalse();
        assertThat(Main.stderrIsTerminal("true", Environment.of(Map.of("TERM", "dumb"))))
                .isFalse();
    }

    @Test
    void erasingTwiceWritesTheClearingSequenceOnce() {
        ProgressBar bar = bar(4);
        now.addAndGet(ProgressBar.DEFAULT_DELAY_NANOS + 1);
        assertThat(bar.tick()).isTrue();
        bar.erase(); // what the shutdown hook does on Ctrl-C
        String afterErase = text.toString();
        assertThat(afterErase).endsWith("\r");
        bar.close();
        assertThat(text.toString()).isEqualTo(afterErase);
        assertThat(bar.tick()).isFalse();
    }

    @Test
    void benchmarkDrawsNothingForShortRuns(@TempDir Path dir) {
        CliRunner terminal = new CliRunner(dir).interactive();
        CliRunner.Result json =
                terminal.run("benchmark", "--operation", "predict", "--iterations", "3", "--format", "json");
        assertThat(json.code()).isZero();
        assertThat(json.err()).isEmpty();
        CliRunner.Result shortRun = terminal.run("benchmark", "--operation", "predict", "--iterations", "3");
        assertThat(shortRun.code()).isZero();
        assertThat(shortRun.err()).isEmpty();
        assertThat(shortRun.out()).startsWith("# Benchmark Report");
    }
}
