package dev.octogate.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A GitHub that misbehaves on purpose, at the HTTP level WireMock cannot reach: huge or endless
 * header blocks, headers that trickle in a byte at a time, answers cut off or garbled. In
 * {@link Mode#NORMAL} it answers like GitHub (a token for any code, octocat for any token), so a
 * test can check that the app's client works again right after each failure.
 */
public final class HostileGitHub implements AutoCloseable {

    public enum Mode {
        NORMAL,
        /** One header line of 70 KiB. */
        HUGE_HEADER_LINE,
        /** 90 header lines of 1 KiB: each short enough, 90 KiB together. */
        HUGE_HEADER_BLOCK,
        /** 150 short header lines. */
        MANY_HEADERS,
        /** Header lines without end, as fast as the client reads. */
        ENDLESS_HEADERS,
        /** The status line, then a header a byte every 200 ms. */
        TRICKLING_HEADERS,
        /** The head at once, then the body a byte every 200 ms. */
        TRICKLING_BODY,
        /** A 403 that is not the rate limit: an account GitHub suspended. */
        SUSPENDED,
        /** Not HTTP at all. */
        GARBAGE,
        /** The connection closed as soon as the request is in. */
        HANG_UP
    }

    public static final String TOKEN = GitHubMock.TOKEN;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-github");
        t.setDaemon(true);
        return t;
    });
    private volatile Mode mode = Mode.NORMAL;

    public HostileGitHub() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How every answer from now on misbehaves. */
    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String target = readRequest(in);
            OutputStream out = socket.getOutputStream();
            Mode now = mode;
            switch (now) {
                case NORMAL -> answer(out, 200, "", body(target));
                case HUGE_HEADER_LINE -> answer(out, 200, "X-Big: " + "a".repeat(70 * 1024) + "\r\n", body(target));
                case HUGE_HEADER_BLOCK -> answer(out, 200, lines(90, 1024), body(target));
                case MANY_HEADERS -> answer(out, 200, lines(150, 10), body(target));
                case ENDLESS_HEADERS -> {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] line = ("X-More: " + "b".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 1_000_000; i++) {
                        out.write(line);
                    }
                }
                case TRICKLING_HEADERS -> {
                    out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    trickle(out, 150);
                }
                case TRICKLING_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n"
                            + "Connection: close\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    trickle(out, 150);
                }
                case SUSPENDED -> answer(out, 403, "", "{\"message\":\"Sorry. Your account was suspended.\"}");
                case GARBAGE -> out.write("this is not HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                case HANG_UP -> { }
            }
            out.flush();
        } catch (IOException e) {
            // the client went away: what a hostile server gets
        }
    }

    private static void trickle(OutputStream out, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write('x');
            out.flush();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String lines(int count, int length) {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < count; i++) {
            headers.append("X-Line-").append(i).append(": ").append("c".repeat(length)).append("\r\n");
        }
        return headers.toString();
    }

    private static String body(String target) {
        if (target.startsWith("/login/oauth/access_token")) {
            return "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}";
        }
        if (target.startsWith("/user/orgs") || target.startsWith("/user/teams")) {
            return "[]";
        }
        return GitHubMock.USER_JSON;
    }

    private static void answer(OutputStream out, int status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Forbidden") + "\r\n" + headers
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
    }

    /** Reads the request's head and body; returns its target. */
    private static String readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new SocketException("closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
