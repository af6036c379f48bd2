package dev.octogate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket: the request target is written exactly as given, unlike
 * {@code java.net.http}, which normalises some paths. One request per connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response as received: status, headers in order, body decoded as UTF-8 (chunks joined). */
    public record Response(String target, int status, List<String[]> headers, String body) {

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        public List<String> headers(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(target + " -> " + status);
            headers.forEach(h -> s.append("\n  ").append(h[0]).append(": ").append(h[1]));
            return s.append("\n\n").append(body.length() > 600 ? body.substring(0, 600) + "…" : body).toString();
        }
    }

    /**
     * Sends {@code GET target HTTP/1.1} to 127.0.0.1:port with {@code Host: localhost:port}
     * unless a Host header is given, then the given headers (name, value, name, value…).
     */
    public static Response get(int port, String target, String... headers) throws IOException {
        return send(port, "GET", target, headers);
    }

    public static Response send(int port, String method, String target, String... headers) throws IOException {
        return exchange(port, method, target, null, headers);
    }

    /** {@code POST} with a body (sent as UTF-8, with its Content-Length), e.g. a form. */
    public static Response post(int port, String target, String body, String... headers) throws IOException {
        return exchange(port, "POST", target, body, headers);
    }

    private static Response exchange(int port, String method, String target, String body, String... headers)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            host |= headers[i].equalsIgnoreCase("Host");
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!host) {
            request.append("Host: localhost:").append(port).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(target, socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(String target, byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head for " + target + ": "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        if (chunked) {
            body = dechunk(body);
        }
        return new Response(target, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            StringBuilder sizeLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sizeLine.append((char) c);
                }
            }
            String hex = sizeLine.toString().split(";")[0].trim();
            if (hex.isEmpty()) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.read();
            in.read();
        }
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
