package dev.octogate.web.http;

/** A request that cannot be served as sent; answered {@code 400} with this message. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message, null, false, false);
    }
}
