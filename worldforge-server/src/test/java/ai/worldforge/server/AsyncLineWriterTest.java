package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncLineWriterTest {
    @Test
    void everyLineIsWrittenInOrderByTheTimeCloseReturns() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLineWriter writer = new AsyncLineWriter(out, 4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    writer.accept("{\"thread\":" + thread + ",\"i\":" + i + "}");
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        writer.close();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1000);
        for (int t = 0; t < 4; t++) {
            String prefix = "{\"thread\":" + t + ",";
            List<String> own = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    own.add(line);
                }
            }
            assertThat(own).hasSize(250);
            for (int i = 0; i < 250; i++) {
                assertThat(own.get(i)).isEqualTo(prefix + "\"i\":" + i + "}");
            }
        }
    }
}
