package dev.octogate.web.http;

import java.util.List;

/** An error, as a person reads it: what went wrong and where to go from here. */
public record ErrorPage(String root, int status, String title, String message, List<Link> actions) implements Page {

    public ErrorPage {
        actions = List.copyOf(actions);
    }

    @Override
    public String template() {
        return "error.jte";
    }
}
