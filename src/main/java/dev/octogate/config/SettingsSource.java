package dev.octogate.config;

import java.util.Optional;

/** One place settings are read from: system properties, the environment, context parameters. */
@FunctionalInterface
public interface SettingsSource {

    /** The raw value for a name, if this source has one (possibly empty). */
    Optional<String> get(String name);

    static SettingsSource of(java.util.function.Function<String, String> lookup) {
        return name -> Optional.ofNullable(lookup.apply(name));
    }

    /** This source, and where it has nothing, the other one. */
    default SettingsSource or(SettingsSource other) {
        return name -> get(name).or(() -> other.get(name));
    }

    static SettingsSource none() {
        return name -> Optional.empty();
    }
}
