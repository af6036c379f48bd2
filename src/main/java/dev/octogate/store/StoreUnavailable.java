package dev.octogate.store;

/**
 * The database did not answer (down, unreachable, every connection busy for too long). Nothing
 * was done; the web layer answers {@code 503} and asks to try again.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(Throwable cause) {
        super("the database is not answering", cause, false, false);
    }
}
