package dev.octogate.web.http;

/** A link a page offers, its path inside the app. */
public record Link(String path, String label) {
}
