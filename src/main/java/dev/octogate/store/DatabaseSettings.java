package dev.octogate.store;

import dev.octogate.config.Parsers;
import dev.octogate.config.Secret;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import java.util.List;
import java.util.Optional;

/**
 * Where the PostgreSQL database is, and how many connections a node keeps to it.
 *
 * @param url      a {@code jdbc:postgresql:} URL; never logged with what follows its path (the query
 *                 may hold a password)
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<Secret> password, int poolSize) {

    public static final Setting<String> URL = Setting.required("db.url", DatabaseSettings::jdbcUrl, "DATABASE_URL");
    public static final Setting<Optional<String>> USER = Setting.optional("db.user",
            Parsers.token("a database user name"), "DATABASE_USER");
    public static final Setting<Optional<Secret>> PASSWORD = Setting.optional("db.password", Parsers.secret(),
            "DATABASE_PASSWORD").secret();
    public static final Setting<Integer> POOL_SIZE = Setting.withDefault("db.pool-size", "10",
            text -> (int) Parsers.number(text, 1, 200), "DATABASE_POOL_SIZE");

    /** Every setting of this record, for the settings table. */
    public static final List<Setting<?>> SETTINGS = List.of(URL, USER, PASSWORD, POOL_SIZE);

    public static DatabaseSettings read(SettingsReader settings) {
        return new DatabaseSettings(settings.get(URL), settings.get(USER), settings.get(PASSWORD),
                settings.get(POOL_SIZE));
    }

    static String jdbcUrl(String text) {
        if (!text.startsWith("jdbc:postgresql:") || text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException("must be a PostgreSQL JDBC URL, like jdbc:postgresql://db:5432/octogate");
        }
        return text;
    }

    /** The URL up to its query, which may hold credentials: what messages show of it. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user=" + user.orElse("(from the URL)") + ", pool=" + poolSize + "]";
    }
}
