package ai.worldforge.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.NanoTime;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 connections whose request line and headers must arrive within the read timeout,
 * counted from the request's first byte. The connector's idle timeout only catches a client that
 * goes silent; one that trickles a byte a second never idles, so without this bound it could keep
 * a connection (one of {@link ServiceConfig#maxConnections()}) for as long as its headers are
 * allowed to be long. A request over the deadline is refused like any other malformed one
 * (status 408, through the server's error handler), on the next byte it sends; one that goes
 * silent halfway is refused the same way when the idle timeout fires, instead of being closed
 * without an answer.
 *
 * <p>Built on Jetty's {@code HttpConnection}, which is public but lives in an internal package:
 * its parser factory is the one hook that sees every byte of the header phase. {@code
 * ServiceHostSlowClientTest} pins the behaviour to the Jetty version in use. Thread-safe.
 */
final class HeaderDeadlineConnectionFactory extends HttpConnectionFactory {
    /** The reason of the 408 the parser raises, recognised by {@link ProtocolErrors}. */
    static final String REASON = "request headers not received in time";

    private final long limitNanos;

    HeaderDeadlineConnectionFactory(HttpConfiguration configuration, Duration readTimeout) {
        super(configuration);
        this.limitNanos = readTimeout.toNanos();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new DeadlineConnection(getHttpConfiguration(), connector, endPoint, limitNanos);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class DeadlineConnection extends HttpConnection {
        /**
         * Set by {@link #newRequestHandler()}, which the superclass constructor calls before {@link
         * #newHttpParser}; deliberately without an initialiser, which would run afterwards and
         * clear it.
         */
        private @Nullable RequestHandler requestHandler;

        DeadlineConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint, long limitNanos) {
            super(configuration, connector, endPoint);
            // The parser is created inside the superclass constructor, before this one's fields;
            // the limit is handed over here, before the connection opens and parses anything.
            ((DeadlineParser) getParser()).limitNanos = limitNanos;
        }

        /**
         * A client that sent part of a request and then went silent: answer 408 instead of closing
         * without a word. (An idle connection between requests is closed as usual.)
         */
        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            DeadlineParser parser = (DeadlineParser) getParser();
            if (parser.awaitingHeaders()) {
                parser.refuse();
                return false;
            }
            return super.onIdleExpired(timeout);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            RequestHandler handler = super.newRequestHandler();
            requestHandler = handler;
            return handler;
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpConfiguration configuration = getHttpConfiguration();
            RequestHandler handler = requestHandler;
            if (handler == null) {
                throw new IllegalStateException("request handler not created before the parser");
            }
            HttpParser parser = new DeadlineParser(handler, configuration.getRequestHeaderSize(), compliance);
            parser.setHeaderCacheSize(configuration.getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(configuration.isHeaderCacheCaseSensitive());
            return parser;
        }
    }

    /** A request parser that refuses, with 408, headers still incomplete after the limit. */
    private static final class DeadlineParser extends HttpParser {
        /** Set once by the connection's constructor, before the first parse; same thread. */
        private long limitNanos = Long.MAX_VALUE;

        DeadlineParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (awaitingHeaders() && NanoTime.since(getBeginNanoTime()) > limitNanos) {
                BufferUtil.clear(buffer);
                refuse();
                return false;
            }
            return super.parseNext(buffer);
        }

        /** Whether part of a request line or of its headers has arrived, but not all of them. */
        boolean awaitingHeaders() {
            return !isStart() && inHeaderState();
        }

        /** Ends the request with 408; the error handler answers it and the connection closes. */
        void refuse() {
            badMessage(new HttpException.RuntimeException(408, REASON));
        }
    }
}
