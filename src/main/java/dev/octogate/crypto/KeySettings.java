package dev.octogate.crypto;

import dev.octogate.config.Secret;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's own secrets, which its keys are derived from.
 *
 * @param appSecrets the first seals, all open; empty: keys derived from the client secret
 */
public record KeySettings(List<Secret> appSecrets) {

    /** Shortest secret accepted: 32 characters of a random password are well over 128 bits. */
    public static final int MIN_LENGTH = 32;

    public static final Setting<List<Secret>> APP_SECRET = Setting.withDefault("app.secret", "",
            KeySettings::parse, "APP_SECRET").secret();

    /** Every setting of this record, for the settings table. */
    public static final List<Setting<?>> SETTINGS = List.of(APP_SECRET);

    public KeySettings {
        appSecrets = List.copyOf(appSecrets);
    }

    public static KeySettings read(SettingsReader settings) {
        return new KeySettings(settings.get(APP_SECRET));
    }

    /** Comma-separated secrets; the message never repeats one. */
    static List<Secret> parse(String text) {
        List<Secret> secrets = new ArrayList<>();
        int position = 0;
        for (String part : text.split(",", -1)) {
            position++;
            String secret = part.trim();
            if (secret.isEmpty() && text.isBlank()) {
                continue;
            }
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("secret number " + position + " is shorter than " + MIN_LENGTH
                        + " characters; each of the comma-separated secrets must have at least " + MIN_LENGTH);
            }
            secrets.add(new Secret(secret));
        }
        return List.copyOf(secrets);
    }
}
