package dev.octogate.web;

import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import dev.octogate.crypto.KeySettings;
import dev.octogate.github.GitHubSettings;
import dev.octogate.signin.SignInSettings;
import dev.octogate.store.DatabaseSettings;
import java.util.List;
import java.util.stream.Stream;

/** All of Octogate's settings, one record per feature, read and checked once at start. */
public record AppSettings(GitHubSettings github, SignInSettings signIn, WebSettings web, KeySettings keys,
                          DatabaseSettings database) {

    /** Every setting, in the order the README's table lists them. */
    public static final List<Setting<?>> ALL = Stream.of(GitHubSettings.SETTINGS, SignInSettings.SETTINGS,
            WebSettings.SETTINGS, KeySettings.SETTINGS, DatabaseSettings.SETTINGS,
            List.<Setting<?>>of(DevelopmentFallback.DATA_DIR)).flatMap(List::stream).toList();

    public static AppSettings read(SettingsReader settings) {
        return new AppSettings(GitHubSettings.read(settings), SignInSettings.read(settings), WebSettings.read(settings),
                KeySettings.read(settings), DatabaseSettings.read(settings));
    }

    /** One line for the start-up log; never a secret. */
    public String summary() {
        return "GitHub " + github.webUrl() + " (API " + github.apiUrl() + "), client id " + github.clientId()
                + ", scopes " + signIn.scopes() + ", public URL "
                + web.baseUrl().map(Object::toString).orElse("(from each request)") + ", database " + database.safeUrl();
    }
}
