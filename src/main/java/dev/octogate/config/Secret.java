package dev.octogate.config;

/** A value that must never be logged or shown: its toString hides it. */
public record Secret(String value) {
    public Secret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
