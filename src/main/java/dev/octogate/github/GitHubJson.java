package dev.octogate.github;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Reads GitHub's JSON answers with JSON-B, built on first use (Yasson's start-up is not the context's). */
final class GitHubJson implements AutoCloseable {

    private volatile Jsonb jsonb;

    /** The body as {@code type}; an HTML page, an empty body or the wrong shape is a bad answer. */
    <T> T parse(String what, GitHubTransport.Answer answer, Type type) throws GitHubException {
        if (answer.contentType().contains("html")) {
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " with an HTML page instead of JSON");
        }
        try {
            T value = jsonb().fromJson(new String(answer.body(), StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new JsonbException("empty");
            }
            return value;
        } catch (RuntimeException e) { // Yasson throws JsonbException, parsers JsonException
            throw new GitHubException(GitHubException.Kind.BAD_ANSWER,
                    what + ": HTTP " + answer.status() + " with a body that is not the expected JSON", e);
        }
    }

    String toJson(Object value) {
        return jsonb().toJson(value);
    }

    private Jsonb jsonb() {
        Jsonb j = jsonb;
        if (j == null) {
            synchronized (this) {
                j = jsonb;
                if (j == null) {
                    j = JsonbBuilder.create();
                    jsonb = j;
                }
            }
        }
        return j;
    }

    @Override
    public void close() {
        Jsonb j = jsonb;
        if (j != null) {
            try {
                j.close();
            } catch (Exception e) {
                // nothing to do at undeploy
            }
        }
    }
}
