package dev.octogate.web;

import dev.octogate.config.Parsers;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import dev.octogate.web.http.PublicPaths;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How the app meets the web: its public URL, the extra paths anyone may see, and what sign-out
 * asks browsers to clear.
 *
 * @param baseUrl       the app's public URL including its context path, without a trailing slash;
 *                      empty: taken from each request
 * @param clearSiteData the {@code Clear-Site-Data} value sent on sign-out; empty sends none
 */
public record WebSettings(Optional<URI> baseUrl, PublicPaths publicPaths, String clearSiteData) {

    public static final Setting<Optional<URI>> BASE_URL = Setting.optional("app.base-url",
            Parsers.httpUrl(), "APP_BASE_URL");
    public static final Setting<PublicPaths> PUBLIC_PATHS = Setting.withDefault("app.public-paths", "",
            PublicPaths::parse, "APP_PUBLIC_PATHS");
    public static final Setting<String> CLEAR_SITE_DATA = Setting.withDefault("app.clear-site-data",
            "\"cache\", \"storage\"", Parsers.headerValue(), "APP_CLEAR_SITE_DATA").emptyIsAValue();

    /** Every setting of this record, for the settings table. */
    public static final List<Setting<?>> SETTINGS = List.of(BASE_URL, PUBLIC_PATHS, CLEAR_SITE_DATA);

    public static WebSettings read(SettingsReader settings) {
        return new WebSettings(settings.get(BASE_URL), settings.get(PUBLIC_PATHS), settings.get(CLEAR_SITE_DATA));
    }

    /** Whether the app's public URL is HTTPS (a TLS-terminating proxy in front counts). */
    public boolean httpsBaseUrl() {
        return baseUrl.map(u -> u.getScheme().equals("https")).orElse(false);
    }
}
