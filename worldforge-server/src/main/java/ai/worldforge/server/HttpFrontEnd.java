package ai.worldforge.server;

import java.io.IOException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server under the host: one HTTP/1.1 connector on {@link ServiceConfig#host()} and
 * {@link ServiceConfig#port()}, whose selector threads read and parse every request without
 * blocking, so slow clients cost a connection and a buffer, never a thread. Bounded everywhere:
 * at most {@link ServiceConfig#maxConnections()} connections (further ones wait in the accept
 * queue until one closes), headers of at most {@value ProtocolErrors#MAX_HEADER_BYTES} bytes that
 * must arrive within the read timeout, and the same timeout for a silent connection.
 * No Jetty banner, version header or error page reaches a client. Thread-safe.
 */
final class HttpFrontEnd {
    /** Jetty's own threads: selectors, the acceptor, parsing and the non-blocking handler. */
    private static final int HTTP_THREADS = 16;

    /** Pending connections the kernel queues for the acceptor (the old host's backlog). */
    private static final int ACCEPT_QUEUE = 1024;

    private final Server server;
    private final ServerConnector connector;

    /**
     * Binds the port (so a port in use fails here, before any thread starts) without accepting yet.
     *
     * @throws IOException when the address cannot be bound
     */
    HttpFrontEnd(ServiceConfig config, ServiceHandler handler, Request.Handler errors) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 2);
        threads.setName("worldforge-http");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopAtShutdown(false);
        // The host waits for in-flight requests itself (ServiceHost.stop) before stopping Jetty.
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(ProtocolErrors.MAX_HEADER_BYTES);
        long readTimeout = config.readTimeout().toMillis();

        connector = new ServerConnector(server, 1, 1, new HeaderDeadlineConnectionFactory(http, config.readTimeout()));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(readTimeout);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);

        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));

        server.setHandler(handler);
        server.setErrorHandler(errors);
        connector.open();
    }

    /** The bound port. */
    int port() {
        return connector.getLocalPort();
    }

    /** Starts accepting and serving. */
    void start() throws Exception {
        server.start();
    }

    /**
     * Closes the listening socket: new connections are refused, open ones keep being served, and
     * every response from now on closes its connection.
     */
    void stopAccepting() {
        connector.shutdown();
    }

    /** Closes every connection and stops Jetty's threads. */
    void stop() throws Exception {
        server.stop();
    }
}
