package ai.worldforge.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written HTTP/1.1 over a plain loopback socket, for requests no well-behaved client sends
 * (junk request lines, huge {@code Content-Length}, truncated or trickled requests).
 */
final class RawHttp {
    private RawHttp() {}

    /** One parsed response; {@code status} 0 when the connection closed without one. */
    record Reply(int status, Map<String, String> headers, String body, long nanos) {
        @Nullable
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean answered() {
            return status > 0;
        }
    }

    /** Sends {@code request}, then half-closes when {@code halfClose}, and reads one response. */
    static Reply exchange(int port, byte[] request, boolean halfClose, Duration timeout) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = open(port, timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return read(socket.getInputStream(), started);
        }
    }

    /** {@link #exchange} of ASCII text, not half-closed, with a 5 s read timeout. */
    static Reply exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), false, Duration.ofSeconds(5));
    }

    /** A connected loopback socket whose reads give up after {@code timeout}. */
    static Socket open(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        return socket;
    }

    /** Reads one response: up to the end of the headers, then Content-Length bytes (else to EOF). */
    static Reply read(InputStream in, long startedNanos) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        try {
            while (lastFour != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return new Reply(0, Map.of(), head.toString(StandardCharsets.ISO_8859_1), elapsed(startedNanos));
                }
                head.write(b);
                lastFour = (lastFour << 8) | b;
            }
        } catch (IOException e) {
            // A timeout or a reset: no (complete) response.
            return new Reply(0, Map.of(), head.toString(StandardCharsets.ISO_8859_1), elapsed(startedNanos));
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        byte[] buffer = new byte[8192];
        long remaining = length == null ? Long.MAX_VALUE : Long.parseLong(length);
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                break;
            }
            body.write(buffer, 0, read);
            remaining -= read;
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8), elapsed(startedNanos));
    }

    private static long elapsed(long startedNanos) {
        return System.nanoTime() - startedNanos;
    }
}
