package dev.octogate.config;

import java.util.Optional;

/**
 * Reads {@link Setting}s from system properties, then environment variables, then context
 * parameters. The first problem stops the read with a {@link SettingsException} whose one-line
 * message names the setting and how to set it, and never holds a secret's value.
 */
public final class SettingsReader {

    private final SettingsSource systemProperties;
    private final SettingsSource environment;
    private final SettingsSource contextParameters;

    public SettingsReader(SettingsSource systemProperties, SettingsSource environment,
                          SettingsSource contextParameters) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.contextParameters = contextParameters;
    }

    /** The process's own system properties and environment, plus the given context parameters. */
    public static SettingsReader forProcess(SettingsSource contextParameters) {
        return new SettingsReader(SettingsSource.of(System::getProperty), SettingsSource.of(System::getenv),
                contextParameters);
    }

    /** The same sources, with {@code fallback} consulted where the context parameters have nothing. */
    public SettingsReader withFallback(SettingsSource fallback) {
        return new SettingsReader(systemProperties, environment, contextParameters.or(fallback));
    }

    /** Whether the setting has a (non-blank) value anywhere. */
    public boolean isSet(Setting<?> setting) {
        return find(setting, false).isPresent();
    }

    public <T> T get(Setting<T> setting) {
        Optional<String> text = find(setting, setting.isEmptyAValue()).map(String::trim);
        if (text.isEmpty() && setting.isRequired()) {
            throw new SettingsException("Missing required setting " + setting.property() + ": "
                    + setting.howToSet() + ".");
        }
        try {
            return text.isPresent() ? setting.parse(text.get()) : setting.absent();
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage());
        }
    }

    /** A value that is well-formed but does not fit with another setting. */
    public static SettingsException invalid(Setting<?> setting, String why) {
        return new SettingsException("Invalid setting " + setting.property() + " (" + setting.environment().get(0)
                + "): " + why + ".");
    }

    /** The first value in order: system property, environment variables, context parameter. */
    private Optional<String> find(Setting<?> setting, boolean emptyCounts) {
        Optional<String> value = usable(systemProperties.get(setting.property()), emptyCounts);
        for (String name : setting.environment()) {
            value = value.or(() -> usable(environment.get(name), emptyCounts));
        }
        return value.or(() -> usable(contextParameters.get(setting.property()), emptyCounts));
    }

    private static Optional<String> usable(Optional<String> value, boolean emptyCounts) {
        return value.filter(v -> emptyCounts || !v.isBlank());
    }
}
