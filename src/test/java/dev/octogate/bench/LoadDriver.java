package dev.octogate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load side of {@code bench/run}, in its own JVM: virtual users that each sign in completely,
 * as a browser does ({@code GET /login} → approve at the stand-in → {@code GET /callback} →
 * {@code GET} where the callback sends it, which must greet the user), with keep-alive connections
 * and cookies per user (the pending sign-in's, then the session's).
 *
 * <pre>
 * LoadDriver signin APP_URL CONCURRENCY COUNT   prints RESULT ok=… errors=… seconds=… rate=… p50=… p99=…
 * LoadDriver cookie APP_URL                     prints COOKIE value (a signed-in session)
 * </pre>
 *
 * {@code -Dbench.start=PATH} sets the first request, {@code /login} by default: {@code /} for apps
 * that start a sign-in when a page needs one (pac4j). Every {@code Location} is resolved against the
 * URL of its request, whether path-absolute (Octogate) or absolute (pac4j).
 */
public final class LoadDriver {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final String app;
    private final String start = System.getProperty("bench.start", "/login");

    LoadDriver(String app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        LoadDriver driver = new LoadDriver(args[1]);
        switch (args[0]) {
            case "cookie" -> System.out.println("COOKIE " + driver.signIn("octocat"));
            case "signin" -> driver.load(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            // sign URL users count slug login-prefix: count accounts sign the agreement slug
            case "sign" -> driver.signatures(Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    void load(int concurrency, int count) throws InterruptedException {
        measure(concurrency, count, i -> signIn("octocat"));
    }

    /**
     * Complete signatures: {@code count} accounts are signed in first (not measured), then, by
     * {@code concurrency} users at once, each loads the agreement's signing form, posts it, and
     * must be sent to a receipt that then answers {@code 200}.
     */
    void signatures(int concurrency, int count, String slug, String prefix) throws Exception {
        List<String> sessions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService signIns = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String login = prefix + i;
            started.add(signIns.submit(() -> signIn(login)));
        }
        for (var session : started) {
            sessions.add(session.get());
        }
        signIns.shutdown();
        measure(concurrency, count, i -> sign(sessions.get(i), slug));
    }

    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("name=\"version\" value=\"([0-9]+)\"");

    /** One signature by the session's user; its receipt's path. */
    String sign(String session, String slug) throws IOException, InterruptedException {
        String cookie = "JSESSIONID=" + session;
        URI form = URI.create(app + "/agreements/" + slug + "/sign");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(form).header("Cookie", cookie)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(page, 200, "sign form");
        java.util.regex.Matcher csrf = CSRF.matcher(page.body());
        java.util.regex.Matcher version = VERSION.matcher(page.body());
        if (!csrf.find() || !version.find()) {
            throw new IOException("no signing form (signed already?)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf.group(1));
        fields.put("version", version.group(1));
        fields.put("name", "Bench Signer");
        fields.put("email", "signer@example.org");
        fields.put("agree", "yes");
        HttpResponse<Void> signed = client.send(HttpRequest.newBuilder(form).header("Cookie", cookie)
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(), HttpResponse.BodyHandlers.discarding());
        expect(signed, 303, "signing");
        URI receipt = location(signed);
        if (!receipt.getPath().contains("/signatures/")) {
            throw new IOException("signing led to " + receipt);
        }
        HttpResponse<Void> shown = client.send(HttpRequest.newBuilder(receipt).header("Cookie", cookie)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.discarding());
        expect(shown, 200, "receipt");
        return receipt.getPath();
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} steps by {@code concurrency} users at once, and prints their rate and latency. */
    void measure(int concurrency, int count, Step step) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService users = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int u = 0; u < concurrency; u++) {
            users.execute(() -> {
                int index;
                while ((index = next.getAndIncrement()) < count) {
                    long t = System.nanoTime();
                    try {
                        step.run(index);
                        latencies.add(System.nanoTime() - t);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 3) {
                            firstErrors.add(e.toString());
                        }
                    }
                }
            });
        }
        users.shutdown();
        users.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT ok=%d errors=%d seconds=%.2f rate=%.1f p50=%.1f p99=%.1f%n", sorted.size(), errors.get(),
                seconds, sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99));
        firstErrors.forEach(e -> System.out.println("ERROR " + e));
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** One complete sign-in as {@code account} (a login); returns the signed-in session's cookie value. */
    String signIn(String account) throws IOException, InterruptedException {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<Void> login = send(HttpRequest.newBuilder(URI.create(app + start)).GET(), cookies);
        expect(login, 302, start);
        URI authorize = location(login);
        Map<String, String> form = query(authorize.getRawQuery());
        form.put("decision", "approve");
        form.put("login", account);
        HttpResponse<Void> approved = client.send(HttpRequest.newBuilder(URI.create(authorize.getScheme() + "://"
                        + authorize.getRawAuthority() + authorize.getRawPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.discarding());
        expect(approved, 302, "stand-in authorize");
        HttpResponse<Void> callback = send(HttpRequest.newBuilder(location(approved)).GET(), cookies);
        expect(callback, 302, "/callback");
        HttpRequest.Builder home = HttpRequest.newBuilder(location(callback)).header("Accept", "text/html").GET();
        if (!cookies.isEmpty()) {
            home.header("Cookie", header(cookies));
        }
        HttpResponse<String> index = client.send(home.build(), HttpResponse.BodyHandlers.ofString());
        if (index.statusCode() != 200 || !index.body().contains("Hello " + account + "!")) {
            throw new IOException("index: HTTP " + index.statusCode());
        }
        return cookies.get("JSESSIONID");
    }

    /** Sends with the user's cookies, and keeps those the answer sets (or deletes). */
    private HttpResponse<Void> send(HttpRequest.Builder request, Map<String, String> cookies)
            throws IOException, InterruptedException {
        request.header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", header(cookies));
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        for (String set : response.headers().allValues("Set-Cookie")) {
            int eq = set.indexOf('=');
            int end = set.indexOf(';') < 0 ? set.length() : set.indexOf(';');
            String name = set.substring(0, eq);
            if (set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, set.substring(eq + 1, end));
            }
        }
        return response;
    }

    private static String header(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    private static void expect(HttpResponse<?> response, int status, String step) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(step + ": HTTP " + response.statusCode());
        }
    }

    /** The response's {@code Location}, resolved against the URL of its request. */
    private static URI location(HttpResponse<?> response) throws IOException {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IOException("no Location"));
        return response.request().uri().resolve(location);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
