package dev.octogate.standin;

import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.SettingsSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Map;
import java.util.Optional;

/**
 * Lets {@code ./mvnw jetty:run} work offline with no settings: when the pom switches it on
 * ({@code -Doctogate.standin=true}) and no client id is set, it starts the {@link GitHubStandIn}
 * on loopback (port {@code octogate.standin.port}, default 8090, or any free one) and points
 * Octogate at it. The app stops it when it is undeployed.
 */
public final class StandInFallback implements DevelopmentFallback {

    @Override
    public Optional<Started> start() {
        if (!Boolean.getBoolean("octogate.standin")) {
            return Optional.empty();
        }
        GitHubStandIn standIn;
        try {
            try {
                standIn = GitHubStandIn.builder().port(Integer.getInteger("octogate.standin.port", 8090)).start();
            } catch (BindException e) {
                standIn = GitHubStandIn.builder().port(0).start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local GitHub stand-in", e);
        }
        System.out.println("\n  Local GitHub stand-in (not GitHub) on " + standIn.url()
                + "\n  Open http://localhost:" + Integer.getInteger("jetty.http.port", 8080) + "/ and sign in as octocat.\n");
        Map<String, String> settings = Map.of(
                "github.client-id", standIn.clientId(),
                "github.client-secret", standIn.clientSecret(),
                "github.url", standIn.url().toString(),
                "github.api-url", standIn.url().toString());
        GitHubStandIn started = standIn;
        return Optional.of(new Started() {
            @Override
            public SettingsSource settings() {
                return name -> Optional.ofNullable(settings.get(name));
            }

            @Override
            public void close() {
                started.close();
            }

            @Override
            public String toString() {
                return "the local GitHub stand-in";
            }
        });
    }
}
