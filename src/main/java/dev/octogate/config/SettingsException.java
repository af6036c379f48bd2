package dev.octogate.config;

/** A missing or invalid setting. The message is one line, names the setting, never a secret value. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
