package ai.worldforge.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slowloris clients for tests: each connects and then sends its request one byte per {@code
 * interval} from a daemon thread of its own, until the server closes the connection or {@link
 * #close()}.
 */
final class SlowClients implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    /** Clients whose connection the server ended (a write failed or the response arrived). */
    final AtomicInteger ended = new AtomicInteger();

    private SlowClients() {}

    /** Starts {@code count} clients trickling {@code request} to {@code port}. */
    static SlowClients start(int port, int count, String request, Duration interval) throws IOException {
        SlowClients clients = new SlowClients();
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < count; i++) {
            Socket socket = RawHttp.open(port, Duration.ofSeconds(30));
            clients.sockets.add(socket);
            Thread thread = new Thread(() -> clients.trickle(socket, bytes, interval), "slow-client-" + i);
            thread.setDaemon(true);
            clients.threads.add(thread);
            thread.start();
        }
        return clients;
    }

    /** A request whose headers never end in time: a long header value after the request line. */
    static String endlessHeaders(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(4000) + "\r\n\r\n";
    }

    /** A POST whose body ({@code length} bytes declared) follows the headers one byte at a time. */
    static String endlessBody(String path, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\n\r\n" + " ".repeat(length);
    }

    private void trickle(Socket socket, byte[] bytes, Duration interval) {
        try {
            OutputStream out = socket.getOutputStream();
            int headerEnd = indexOfHeaderEnd(bytes);
            for (int i = 0; i < bytes.length; i++) {
                out.write(bytes[i]);
                out.flush();
                // The body client sends its headers at once, then trickles the body.
                if (i >= headerEnd || headerEnd == bytes.length) {
                    Thread.sleep(interval.toMillis());
                }
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // The server closed the connection.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended.incrementAndGet();
    }

    /** Where the body of a POST starts, or {@code bytes.length} for a request that has none. */
    private static int indexOfHeaderEnd(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("POST")) {
            return bytes.length;
        }
        return text.indexOf("\r\n\r\n") + 3;
    }

    @Override
    public void close() {
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed by the server.
            }
        }
    }
}
