package ai.worldforge.provider.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** An in-memory transport (like httpx's MockTransport): scripted handlers, recorded requests. */
final class FakeTransport implements HttpTransport {
    /** Produces a response or throws a transport failure. */
    @FunctionalInterface
    interface Handler {
        TransportResponse handle(TransportRequest request) throws IOException;
    }

    final List<TransportRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Handler> script = new ArrayDeque<>();
    private Handler fallback = request -> {
        throw new AssertionError("Unexpected request: " + request);
    };

    /** Answers the next request with {@code handler} (in order). */
    FakeTransport then(Handler handler) {
        script.addLast(handler);
        return this;
    }

    /** Answers every unscripted request with {@code handler}. */
    FakeTransport always(Handler handler) {
        fallback = handler;
        return this;
    }

    @Override
    public synchronized TransportResponse send(TransportRequest request) throws IOException {
        requests.add(request);
        Handler handler = script.isEmpty() ? fallback : script.removeFirst();
        return handler.handle(request);
    }

    static TransportResponse json(int status, String body) {
        return TransportResponse.of(status, Map.of("Content-Type", "application/json"), utf8(body));
    }

    static TransportResponse text(int status, String body) {
        return TransportResponse.of(status, Map.of(), utf8(body));
    }

    static TransportResponse response(int status, Map<String, String> headers, String body) {
        return TransportResponse.of(status, headers, utf8(body));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A body that records reads and closes. */
    static final class ObservedStream extends InputStream {
        private final ByteArrayInputStream in;
        private final List<String> log;
        int bytesRead;

        ObservedStream(byte[] data, List<String> log) {
            this.in = new ByteArrayInputStream(data);
            this.log = log;
        }

        @Override
        public int read() {
            int b = in.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }

        @Override
        public void close() {
            log.add("closed");
        }
    }

    /** A body whose reads fail. */
    static InputStream failingStream(String message) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException(message);
            }
        };
    }
}
