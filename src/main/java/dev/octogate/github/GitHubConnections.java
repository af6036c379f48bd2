package dev.octogate.github;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectionClosingStrategy;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.ClientRequest;

/**
 * Builds the one JAX-RS client Octogate calls GitHub with: Jersey on Apache HttpClient 5, whose
 * calls run on the caller's thread (Java's own client hands each call to two other threads and
 * back, which under a sign-in storm cost more CPU than everything else in a sign-in), with a pool
 * of kept-alive connections as large as the calls allowed in flight, the timeouts, no cookies and
 * no compression, a bounded response head, and policies that differ from the library's defaults:
 * <ul>
 * <li>a response head (status and headers) of at most {@code maxHeadBytes} in all and
 * {@code maxHeaderLines} header lines: the library bounds neither by default, and reads a huge
 * head into memory;
 * <li>every request is handed, as it starts, to {@code onRequest}, which may cancel it at any
 * moment (connecting, waiting for the head, reading the body): the transport's deadline;
 * <li>nothing is resent except a {@code GET} whose kept-alive connection turns out closed before
 * any answer came (the library would also resend after other errors, and after a {@code 429} or
 * {@code 503}, which must reach Octogate as GitHub's rate limit);
 * <li>a response closed before its body was read to the end drops its connection instead of
 * reading the rest (which would make a deadline wait for a slow body).
 * </ul>
 */
final class GitHubConnections {

    private GitHubConnections() {
    }

    static Client client(Duration timeout, int maxConnections, int maxHeadBytes, int maxHeaderLines,
                         Consumer<Cancellable> onRequest) {
        Timeout limit = Timeout.of(timeout);
        Http1Config http1 = Http1Config.custom()
                .setMaxHeaderCount(maxHeaderLines)
                .setMaxLineLength(maxHeadBytes)
                .build();
        HttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(http1)
                        .responseParserFactory(new BoundedHeads(maxHeadBytes, http1))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        // The timeouts of every call: to connect, and between two reads.
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        // A connection idle this long is checked before reuse: GitHub closes idle ones.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        return ClientBuilder.newBuilder()
                .withConfig(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
                .property(Apache5ClientProperties.CONNECTION_MANAGER, pool)
                .property(Apache5ClientProperties.RETRY_STRATEGY, new StaleConnectionRetry())
                .property(Apache5ClientProperties.CONNECTION_CLOSING_STRATEGY, new DropUnreadConnection())
                // One client serves every user: a cookie GitHub sets for one must never go out with
                // another's call. And bodies as GitHub sends them, so that ETags stay GitHub's own.
                .register((Apache5HttpClientBuilderConfigurator) builder -> builder
                        .disableCookieManagement()
                        .disableContentCompression()
                        // First in the chain, before connecting: the request is cancellable from here on.
                        .addExecInterceptorFirst("octogate-deadline", (request, scope, chain) -> {
                            if (scope.originalRequest instanceof Cancellable cancellable) {
                                onRequest.accept(cancellable);
                            }
                            return chain.proceed(request, scope);
                        }))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                // GitHub's grant revocation is a DELETE with a JSON body.
                .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                .build();
    }

    /** Resends a {@code GET} once when its kept-alive connection was closed before any answer. */
    static final class StaleConnectionRetry implements HttpRequestRetryStrategy {

        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return execCount == 1 && exception instanceof NoHttpResponseException && "GET".equals(request.getMethod());
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }

    /**
     * Aborting first drops the connection when its body was not read to the end. When it was,
     * the connection has already gone back to the pool, and aborting does nothing.
     */
    static final class DropUnreadConnection implements Apache5ConnectionClosingStrategy {

        @Override
        public void close(ClientRequest clientRequest, HttpUriRequest request,
                          org.apache.hc.client5.http.impl.classic.CloseableHttpResponse response, InputStream stream)
                throws IOException {
            request.abort();
            try {
                stream.close();
            } finally {
                response.close();
            }
        }
    }
}
