package dev.octogate.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small local imitation of GitHub's OAuth web flow and the parts of its REST API Octogate uses:
 * the authorize page, the token endpoint (codes and refresh tokens), {@code /user},
 * {@code /user/orgs}, {@code /user/teams} and grant revocation. It checks what GitHub checks
 * (client id and secret, {@code redirect_uri}, the PKCE verifier, single-use codes), so it catches
 * the same mistakes. Used by {@code ./mvnw jetty:run}, the browser and container tests and the
 * benchmark; it lives in the test sources and is never part of the WAR.
 */
public final class GitHubStandIn implements AutoCloseable {

    /** A GitHub account the stand-in knows. */
    public record Account(long id, String login, String name, List<String> orgs, List<String> teams) {
    }

    public static final Account OCTOCAT = new Account(583231, "octocat", "The Octocat", List.of("github"),
            List.of("github/octo-team"));
    public static final Account MONALISA = new Account(2, "monalisa", "Mona Lisa Octocat", List.of(), List.of());

    private record Grant(String clientId, URI redirectUri, String challenge, Account account, Instant expires) {
    }

    private record Token(Account account, Instant expires) {
    }

    private final String clientId;
    private final String clientSecret;
    private final String registeredCallback;
    private final Duration tokenLifetime;
    private volatile Duration latency;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Account> refreshTokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger tokenExchanges = new AtomicInteger();
    private final AtomicInteger userCalls = new AtomicInteger();
    /** Client addresses of every connection the app's own calls came on: one per TCP connection. */
    private final Set<String> apiConnections = ConcurrentHashMap.newKeySet();
    /** How many of those were new since the last reset. */
    private final AtomicInteger apiConnectionsOpened = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;
    /** Accounts made on first use have ids from here on. */
    private static final long GENERATED_IDS = 50_000_000;
    private final String generatedPrefix;
    private final AtomicInteger generated = new AtomicInteger();
    private final Map<String, Account> generatedAccounts = new ConcurrentHashMap<>();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer
        // waits for the client's delayed ACK (some 40 ms), which would be the stand-in's time, not GitHub's.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private GitHubStandIn(Builder builder) throws IOException {
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.registeredCallback = builder.registeredCallback;
        this.tokenLifetime = builder.tokenLifetime;
        this.latency = builder.latency;
        this.generatedPrefix = builder.generatedPrefix;
        for (Account account : builder.accounts) {
            accounts.put(account.login(), account);
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 256);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "github-stand-in");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings for the stand-in, each with a sensible default for local use. */
    public static final class Builder {
        private int port;
        private String clientId = "octogate-local";
        private String clientSecret = "local-secret";
        private String registeredCallback;
        private Duration tokenLifetime;
        private Duration latency = Duration.ZERO;
        private List<Account> accounts = List.of(OCTOCAT, MONALISA);
        private String generatedPrefix;

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder client(String id, String secret) {
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }

        /** The OAuth app's callback URL; {@code redirect_uri} must be it or below it. Null: any loopback URL. */
        public Builder registeredCallback(String url) {
            this.registeredCallback = url;
            return this;
        }

        /** Hand out expiring tokens with refresh tokens, as GitHub Apps do. */
        public Builder expiringTokens(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Added to every answer to the app's own calls (token, API), to imitate a distant GitHub. */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        public Builder accounts(Account... accounts) {
            this.accounts = List.of(accounts);
            return this;
        }

        /**
         * Any login starting with {@code prefix} signs in as an account of its own, made on first
         * use (for load tests that need many contributors).
         */
        public Builder generatedAccounts(String prefix) {
            this.generatedPrefix = prefix;
            return this;
        }

        public GitHubStandIn start() throws IOException {
            return new GitHubStandIn(this);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** How many code exchanges and refreshes reached the token endpoint. */
    public int tokenExchanges() {
        return tokenExchanges.get();
    }

    public int userCalls() {
        return userCalls.get();
    }

    /** How many TCP connections the app opened for its calls (token, API) since the last reset. */
    public int apiConnections() {
        return apiConnectionsOpened.get();
    }

    public void resetApiConnections() {
        apiConnectionsOpened.set(0);
    }

    /** Changes the added latency of the app's calls from now on. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Revokes every token of an account, as a user does in GitHub's settings. */
    public void revokeAll(String login) {
        tokens.values().removeIf(t -> t.account().login().equals(login));
        refreshTokens.values().removeIf(a -> a.login().equals(login));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/v3/")) {
                path = path.substring("/api/v3".length());
            }
            boolean appCall = path.equals("/login/oauth/access_token") || path.startsWith("/user")
                    || path.startsWith("/applications/");
            if (appCall) {
                if (apiConnections.add(exchange.getRemoteAddress().toString())) {
                    apiConnectionsOpened.incrementAndGet();
                }
                Duration wait = latency;
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
            }
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET /login/oauth/authorize" -> authorizePage(exchange);
                case "POST /login/oauth/authorize" -> authorizeDecision(exchange);
                case "POST /login/oauth/access_token" -> token(exchange);
                case "GET /user" -> user(exchange);
                case "GET /user/orgs" -> orgs(exchange);
                case "GET /user/teams" -> teams(exchange);
                default -> {
                    if (method.equals("GET") && path.startsWith("/avatars/")) {
                        avatar(exchange);
                    } else if (method.equals("DELETE") && path.equals("/applications/" + clientId + "/grant")) {
                        revoke(exchange);
                    } else {
                        send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"message\":\"stand-in failure: " + e + "\"}");
        }
    }

    private void authorizePage(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String problem = authorizeProblem(q);
        if (problem != null) {
            send(exchange, 400, "text/html; charset=utf-8", page("Cannot authorize", "<p>" + esc(problem) + "</p>"));
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "scope")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(esc(q.getOrDefault(name, ""))).append("\">\n");
        }
        StringBuilder choices = new StringBuilder();
        boolean first = true;
        for (Account account : accounts.values()) {
            choices.append("<label><input type=\"radio\" name=\"login\" value=\"").append(esc(account.login())).append('"')
                    .append(first ? " checked" : "").append("> ").append(esc(account.login())).append(" (")
                    .append(esc(account.name())).append(")</label><br>\n");
            first = false;
        }
        String scope = q.getOrDefault("scope", "");
        send(exchange, 200, "text/html; charset=utf-8", page("Authorize application",
                "<p class=\"banner\">This is a <strong>local GitHub stand-in</strong> for development and tests. "
                        + "It is not GitHub, and no GitHub account is used.</p>\n"
                        + "<h1>Authorize " + esc(q.get("client_id")) + "</h1>\n"
                        + "<p>The application wants to know who you are"
                        + (scope.isBlank() ? "" : " (scopes: " + esc(scope) + ")") + ".</p>\n"
                        + "<form method=\"post\" action=\"/login/oauth/authorize\">\n" + hidden
                        + "<p>Sign in as:<br>" + choices + "</p>\n"
                        + "<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"authorize\">Authorize</button>\n"
                        + "<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button>\n"
                        + "</form>"));
    }

    private String authorizeProblem(Map<String, String> q) {
        if (!clientId.equals(q.get("client_id"))) {
            return "Unknown client_id.";
        }
        String redirect = q.get("redirect_uri");
        if (redirect == null || !redirectAllowed(redirect)) {
            return "The redirect_uri is not associated with this application.";
        }
        if (q.get("state") == null || q.get("state").length() < 16) {
            return "No state: this application does not protect its sign-in against CSRF.";
        }
        if (q.get("code_challenge") != null && !"S256".equals(q.get("code_challenge_method"))) {
            return "Only code_challenge_method=S256 is supported.";
        }
        return null;
    }

    private boolean redirectAllowed(String redirect) {
        URI uri;
        try {
            uri = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (registeredCallback == null) {
            String host = uri.getHost() == null ? "" : uri.getHost();
            return "http".equals(uri.getScheme()) && (host.equals("localhost") || host.equals("127.0.0.1"));
        }
        // GitHub: same host and port, and the path at or below the registered one.
        URI registered = URI.create(registeredCallback);
        return registered.getScheme().equals(uri.getScheme()) && registered.getHost().equals(uri.getHost())
                && registered.getPort() == uri.getPort() && uri.getPath().startsWith(registered.getPath());
    }

    private void authorizeDecision(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(body(exchange));
        String problem = authorizeProblem(form);
        if (problem != null) {
            send(exchange, 400, "text/html; charset=utf-8", page("Cannot authorize", "<p>" + esc(problem) + "</p>"));
            return;
        }
        String redirect = form.get("redirect_uri");
        String state = form.get("state");
        String separator = redirect.contains("?") ? "&" : "?";
        if (!"approve".equals(form.get("decision"))) {
            redirect(exchange, redirect + separator + "error=access_denied&error_description="
                    + enc("The user has denied your application access.") + "&state=" + enc(state));
            return;
        }
        String login = form.getOrDefault("login", "");
        Account account = generatedPrefix != null && login.startsWith(generatedPrefix) && login.matches("[A-Za-z0-9-]{1,39}")
                ? generatedAccounts.computeIfAbsent(login, l -> new Account(GENERATED_IDS + generated.incrementAndGet(), l,
                        "Generated " + l, List.of(), List.of()))
                : accounts.get(login);
        if (account == null) {
            send(exchange, 400, "text/html; charset=utf-8", page("Unknown account", "<p>No such account.</p>"));
            return;
        }
        String code = randomToken(10);
        codes.put(code, new Grant(clientId, URI.create(redirect), form.get("code_challenge"), account,
                Instant.now().plus(Duration.ofMinutes(10))));
        redirect(exchange, redirect + separator + "code=" + enc(code) + "&state=" + enc(state));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenExchanges.incrementAndGet();
        Map<String, String> form = query(body(exchange));
        basicCredentials(exchange).forEach(form::putIfAbsent);
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            tokenError(exchange, "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
            return;
        }
        Account account;
        if ("refresh_token".equals(form.get("grant_type"))) {
            account = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (account == null) {
                tokenError(exchange, "bad_refresh_token", "The refresh token passed is incorrect or expired.");
                return;
            }
        } else {
            Grant grant = codes.remove(form.getOrDefault("code", ""));
            if (grant == null || grant.expires().isBefore(Instant.now())) {
                tokenError(exchange, "bad_verification_code", "The code passed is incorrect or expired.");
                return;
            }
            if (form.get("redirect_uri") != null && !grant.redirectUri().toString().equals(form.get("redirect_uri"))) {
                tokenError(exchange, "redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
                return;
            }
            if (grant.challenge() != null && !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                tokenError(exchange, "bad_verification_code", "The code_verifier does not match the code_challenge.");
                return;
            }
            account = grant.account();
        }
        String token = "gho_" + randomToken(27);
        Instant expires = tokenLifetime == null ? null : Instant.now().plus(tokenLifetime);
        tokens.put(token, new Token(account, expires));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "bearer");
        answer.put("scope", "");
        if (tokenLifetime != null) {
            String refresh = "ghr_" + randomToken(30);
            refreshTokens.put(refresh, account);
            answer.put("expires_in", Long.toString(tokenLifetime.toSeconds()));
            answer.put("refresh_token", refresh);
            answer.put("refresh_token_expires_in", "15897600");
        }
        tokenAnswer(exchange, answer);
    }

    /**
     * The client id and secret in an HTTP Basic {@code Authorization} header, which GitHub's token endpoint
     * accepts as well as form fields (ScribeJava, and so pac4j, sends them this way).
     */
    private static Map<String, String> basicCredentials(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> credentials = new LinkedHashMap<>();
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return credentials;
            }
            int colon = pair.indexOf(':');
            if (colon > 0) {
                credentials.put("client_id", URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
                credentials.put("client_secret", URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
        return credentials;
    }

    private void tokenError(HttpExchange exchange, String error, String description) throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        answer.put("error_uri", "https://docs.github.com/apps/troubleshooting");
        tokenAnswer(exchange, answer);
    }

    /** GitHub answers JSON when asked for it, else a form-encoded body; errors too, with HTTP 200. */
    private void tokenAnswer(HttpExchange exchange, Map<String, String> answer) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("application/json")) {
            String json = answer.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + (e.getKey().endsWith("expires_in") ? e.getValue() : "\"" + json(e.getValue()) + "\""))
                    .collect(Collectors.joining(",", "{", "}"));
            send(exchange, 200, "application/json; charset=utf-8", json);
        } else {
            String form = answer.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            send(exchange, 200, "application/x-www-form-urlencoded; charset=utf-8", form);
        }
    }

    private Account bearer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Token token = authorization != null && authorization.startsWith("Bearer ")
                ? tokens.get(authorization.substring(7)) : null;
        if (token == null || token.expires() != null && token.expires().isBefore(Instant.now())) {
            send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            return null;
        }
        return token.account();
    }

    private void user(HttpExchange exchange) throws IOException {
        userCalls.incrementAndGet();
        Account account = bearer(exchange);
        if (account == null) {
            return;
        }
        String body = "{\"login\":\"" + json(account.login()) + "\",\"id\":" + account.id()
                + ",\"node_id\":\"MDQ6VXNlcj" + account.id() + "\",\"avatar_url\":\"" + url() + "/avatars/" + account.login()
                + ".svg\",\"html_url\":\"https://github.com/" + json(account.login()) + "\",\"type\":\"User\",\"name\":\""
                + json(account.name()) + "\",\"company\":null,\"blog\":\"\"}";
        String etag = "W/\"" + Integer.toHexString(body.hashCode()) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("X-OAuth-Scopes", "");
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, "application/json; charset=utf-8", body);
    }

    private void orgs(HttpExchange exchange) throws IOException {
        Account account = bearer(exchange);
        if (account != null) {
            send(exchange, 200, "application/json", account.orgs().stream()
                    .map(o -> "{\"login\":\"" + json(o) + "\"}").collect(Collectors.joining(",", "[", "]")));
        }
    }

    private void teams(HttpExchange exchange) throws IOException {
        Account account = bearer(exchange);
        if (account != null) {
            send(exchange, 200, "application/json", account.teams().stream().map(t -> {
                String[] parts = t.split("/", 2);
                return "{\"slug\":\"" + json(parts[1]) + "\",\"organization\":{\"login\":\"" + json(parts[0]) + "\"}}";
            }).collect(Collectors.joining(",", "[", "]")));
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
            return;
        }
        String body = body(exchange);
        int start = body.indexOf("\"access_token\"");
        Token token = null;
        if (start >= 0) {
            int open = body.indexOf('"', body.indexOf(':', start) + 1);
            int close = body.indexOf('"', open + 1);
            token = tokens.get(body.substring(open + 1, close));
        }
        if (token == null) {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        revokeAll(token.account().login());
        exchange.sendResponseHeaders(204, -1);
    }

    private void avatar(HttpExchange exchange) throws IOException {
        String login = exchange.getRequestURI().getPath().replaceAll(".*/", "").replace(".svg", "");
        String letter = login.isEmpty() ? "?" : login.substring(0, 1).toUpperCase(Locale.ROOT);
        exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
        send(exchange, 200, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 96 96\">"
                + "<rect width=\"96\" height=\"96\" fill=\"#6e5494\"/><text x=\"48\" y=\"64\" font-size=\"48\" "
                + "text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">" + esc(letter) + "</text></svg>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " · GitHub stand-in</title><link rel=\"icon\" href=\"data:,\">"
                + "<style>body{font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}"
                + ".banner{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem 1rem;border-radius:6px}"
                + "button{padding:.5rem 1rem;margin-right:.5rem}</style></head><body>" + body + "</body></html>";
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        StringBuilder hex = new StringBuilder();
        for (byte b : value) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String esc(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
