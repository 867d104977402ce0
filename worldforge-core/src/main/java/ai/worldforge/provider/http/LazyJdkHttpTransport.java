package ai.worldforge.provider.http;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JdkHttpTransport} created on the first request. Every forge instantiates the catalog
 * providers, and a provider that is never called should not start an HTTP client (its selector
 * thread and TLS context cost tens of milliseconds of start-up). Thread-safe.
 */
public final class LazyJdkHttpTransport implements HttpTransport {
    private volatile @Nullable HttpTransport delegate;

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
        HttpTransport transport = delegate;
        if (transport == null) {
            synchronized (this) {
                transport = delegate;
                if (transport == null) {
                    transport = new JdkHttpTransport();
                    delegate = transport;
                }
            }
        }
        return transport.send(request);
    }
}
