package dev.octogate.config;

import java.util.List;
import java.util.Optional;

/**
 * One setting, declared once: its system property (also the context init-parameter name), its
 * environment variables (first match wins), its default, how its text becomes a value, and whether
 * its value is a secret. Each feature declares its own settings beside the record that holds their
 * values (for example {@code GitHubSettings}); {@link SettingsReader} reads them.
 *
 * @param <T> the value's type once parsed
 */
public final class Setting<T> {

    /** Turns a setting's text into its value, or says why it cannot (without repeating a secret). */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws IllegalArgumentException;
    }

    private final String property;
    private final List<String> environment;
    private final String defaultValue;
    private final boolean required;
    private final T whenAbsent;
    private final Parser<T> parser;
    private final boolean secret;
    private final boolean emptyIsAValue;

    private Setting(String property, List<String> environment, String defaultValue, boolean required, T whenAbsent,
                    Parser<T> parser, boolean secret, boolean emptyIsAValue) {
        if (environment.isEmpty()) {
            throw new IllegalArgumentException(property + ": at least one environment variable");
        }
        this.property = property;
        this.environment = List.copyOf(environment);
        this.defaultValue = defaultValue;
        this.required = required;
        this.whenAbsent = whenAbsent;
        this.parser = parser;
        this.secret = secret;
        this.emptyIsAValue = emptyIsAValue;
    }

    /** A setting without which the app does not start. */
    public static <T> Setting<T> required(String property, Parser<T> parser, String... environment) {
        return new Setting<>(property, List.of(environment), null, true, null, parser, false, false);
    }

    /** A setting with a default, given as the text an operator would write. */
    public static <T> Setting<T> withDefault(String property, String defaultValue, Parser<T> parser,
                                             String... environment) {
        return new Setting<>(property, List.of(environment), defaultValue, false, null, parser, false, false);
    }

    /** A setting that may be left unset: empty then (the feature decides what that means). */
    public static <T> Setting<Optional<T>> optional(String property, Parser<T> parser, String... environment) {
        return new Setting<>(property, List.of(environment), null, false, Optional.empty(),
                text -> Optional.of(parser.parse(text)), false, false);
    }

    /** The same setting, its value a secret: never in a log line, a page or a message. */
    public Setting<T> secret() {
        return new Setting<>(property, environment, defaultValue, required, whenAbsent, parser, true, emptyIsAValue);
    }

    /**
     * The same setting, where a value set but empty means "none" rather than "unset" (elsewhere a
     * blank value falls through to the next source, then to the default).
     */
    public Setting<T> emptyIsAValue() {
        return new Setting<>(property, environment, defaultValue, required, whenAbsent, parser, secret, true);
    }

    /** The JVM system property, which is also the servlet context init-parameter name. */
    public String property() {
        return property;
    }

    /** Environment variables, first match wins; the first is the one documented. */
    public List<String> environment() {
        return environment;
    }

    /** The default as text, if there is one. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isSecret() {
        return secret;
    }

    boolean isEmptyAValue() {
        return emptyIsAValue;
    }

    /** The value when nothing is set: the parsed default, or empty for an optional setting. */
    T absent() throws IllegalArgumentException {
        return defaultValue != null ? parser.parse(defaultValue) : whenAbsent;
    }

    T parse(String text) throws IllegalArgumentException {
        return parser.parse(text);
    }

    /** How an operator sets it, for error messages. */
    String howToSet() {
        return "set the environment variable " + environment.get(0) + " (or the system property -D" + property
                + "=…, or the context parameter " + property + ")";
    }

    @Override
    public String toString() {
        return property;
    }
}
