package app.landfall.images;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * HTTP to servers that merchants name (their image hosts, their webhook receivers) that reaches only
 * the addresses {@link PublicAddresses} allows. The host name is resolved once per connection, here,
 * and the connection goes to the addresses that were checked (Jetty's client connects to what its
 * resolver hook answers): a name that answers a public address to the check and a private one a
 * moment later (DNS rebinding) cannot lead it into the server's own network. The request still names
 * the host, so TLS sends it as SNI and checks the certificate against it; redirects are not followed.
 */
public final class PublicHttp {
    /** How a host name becomes addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The host resolved to an address that may not be contacted. */
    public static final class NotPublic extends UnknownHostException {
        NotPublic(String host) {
            super(host + " is on a private network");
        }
    }

    /** What came back: the status and at most the bytes asked for, plus one to tell that there were more. */
    public record Answer(int status, byte[] body) {
    }

    private final String name;
    private final Resolver resolver;
    private final Predicate<InetAddress> allowed;
    private final Duration connectTimeout;
    private final KeyStore trusted;
    private HttpClient client; // started on first use: most instances never call out

    public PublicHttp(String name, Resolver resolver, Predicate<InetAddress> allowed, Duration connectTimeout) {
        this(name, resolver, allowed, connectTimeout, null);
    }

    /** {@code trusted}: the certificates to trust instead of the JDK's (a test's own); null for the JDK's. */
    PublicHttp(String name, Resolver resolver, Predicate<InetAddress> allowed, Duration connectTimeout, KeyStore trusted) {
        this.name = name;
        this.resolver = resolver;
        this.allowed = allowed;
        this.connectTimeout = connectTimeout;
        this.trusted = trusted;
    }

    /** @param anyHost also private addresses: only for development and tests, where the "remote" server is on this machine */
    public static PublicHttp create(String name, boolean anyHost, Duration connectTimeout) {
        return new PublicHttp(name, InetAddress::getAllByName, anyHost ? address -> true : PublicAddresses::isPublic, connectTimeout);
    }

    /** The addresses of {@code host}, when every one of them may be contacted. */
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = List.of(resolver.resolve(bare));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!addresses.stream().allMatch(allowed)) {
            throw new NotPublic(host);
        }
        return addresses;
    }

    /** GET, reading at most {@code maxBytes} + 1 bytes of the body. */
    public Answer get(URI uri, Map<String, String> headers, int maxBytes, Duration timeout) throws IOException, InterruptedException {
        return exchange(request(uri, headers, timeout).method("GET"), maxBytes, timeout);
    }

    /** POST, ignoring what the body of the answer says. */
    public int post(URI uri, Map<String, String> headers, String contentType, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        return exchange(request(uri, headers, timeout).method("POST").body(new BytesRequestContent(contentType, body)), 0, timeout).status();
    }

    private Request request(URI uri, Map<String, String> headers, Duration timeout) throws IOException {
        return client().newRequest(uri).followRedirects(false).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::put));
    }

    private static Answer exchange(Request request, int maxBytes, Duration timeout) throws IOException, InterruptedException {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new IOException("no answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        try (InputStream body = listener.getInputStream()) {
            return new Answer(response.getStatus(), maxBytes > 0 ? body.readNBytes(maxBytes + 1) : new byte[0]);
        }
    }

    private synchronized HttpClient client() throws IOException {
        if (client == null) {
            QueuedThreadPool threads = new QueuedThreadPool(16, 1);
            threads.setName(name);
            threads.setDaemon(true);
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            if (trusted != null) {
                tls.setTrustStore(trusted);
            }
            HttpClient started = new HttpClient();
            started.setSslContextFactory(tls);
            started.setExecutor(threads);
            started.setScheduler(new ScheduledExecutorScheduler(name + "-scheduler", true));
            started.setName(name);
            started.setFollowRedirects(false); // a redirect could lead to a private address
            started.setConnectTimeout(connectTimeout.toMillis());
            started.setSocketAddressResolver(this::resolve);
            try {
                started.start();
            } catch (Exception e) {
                throw new IOException("could not start the HTTP client", e);
            }
            client = started;
        }
        return client;
    }

    private void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            List<InetSocketAddress> checked = new java.util.ArrayList<>();
            for (InetAddress address : addresses(host)) {
                // the address carries the host name: TLS checks the certificate against that name (the
                // socket address's host string), not against the address a resolver may answer bare
                checked.add(new InetSocketAddress(InetAddress.getByAddress(bare, address.getAddress()), port));
            }
            promise.succeeded(checked);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }
}
