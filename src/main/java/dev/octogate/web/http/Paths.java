package dev.octogate.web.http;

/**
 * The app's paths that other code links or redirects to. The route table declares them; code that
 * leads to one uses the name here, never the text.
 */
public final class Paths {

    public static final String HOME = "/";
    public static final String LOGIN = "/login";
    public static final String CALLBACK = "/callback";
    public static final String LOGOUT = "/logout";
    public static final String SIGNED_OUT = "/signed-out";

    private Paths() {
    }
}
