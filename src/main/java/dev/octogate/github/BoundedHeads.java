package dev.octogate.github;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.io.HttpTransportMetrics;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * Reads a response's head (status line and header lines) only up to {@code limit} characters in
 * all. The HTTP client bounds the length of each line and the number of lines, but not their sum:
 * this does, so that an answer with a huge header block is refused before it is in memory.
 */
final class BoundedHeads implements HttpMessageParserFactory<ClassicHttpResponse> {

    private final int limit;
    private final Http1Config http1Config;

    /** {@code http1Config}: the header-count and line limits, which the connection may not pass on. */
    BoundedHeads(int limit, Http1Config http1Config) {
        this.limit = limit;
        this.http1Config = http1Config;
    }

    @Override
    public HttpMessageParser<ClassicHttpResponse> create() {
        DefaultHttpResponseParser parser = new DefaultHttpResponseParser(http1Config);
        return (buffer, inputStream) -> parser.parse(new Counting(buffer, limit), inputStream);
    }

    /** Connections call {@link #create()}, or this with the defaults: either way, this factory's limits. */
    @Override
    @SuppressWarnings("deprecation")
    public HttpMessageParser<ClassicHttpResponse> create(Http1Config ignored) {
        return create();
    }

    /** The connection's buffer, counting what the parser reads line by line. */
    private static final class Counting implements SessionInputBuffer {
        private final SessionInputBuffer buffer;
        private final int limit;
        private int read;

        Counting(SessionInputBuffer buffer, int limit) {
            this.buffer = buffer;
            this.limit = limit;
        }

        @Override
        public int readLine(CharArrayBuffer line, InputStream inputStream) throws IOException {
            int before = line.length();
            int n = buffer.readLine(line, inputStream);
            read += line.length() - before + 2; // and its CRLF
            if (read > limit) {
                throw new MessageConstraintException("response head larger than " + limit + " bytes");
            }
            return n;
        }

        @Override
        public int length() {
            return buffer.length();
        }

        @Override
        public int capacity() {
            return buffer.capacity();
        }

        @Override
        public int available() {
            return buffer.available();
        }

        @Override
        public int read(byte[] b, int off, int len, InputStream inputStream) throws IOException {
            return buffer.read(b, off, len, inputStream);
        }

        @Override
        public int read(byte[] b, InputStream inputStream) throws IOException {
            return buffer.read(b, inputStream);
        }

        @Override
        public int read(InputStream inputStream) throws IOException {
            return buffer.read(inputStream);
        }

        @Override
        public HttpTransportMetrics getMetrics() {
            return buffer.getMetrics();
        }
    }
}
