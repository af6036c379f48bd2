package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.ClaSteps;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.TestDatabase;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is acknowledged is never lost: signatures survive a restart of the app and of the database;
 * with the database stopped, signing stores nothing, says so with a {@code 503}, and keeps what
 * was typed; once it is back, the same form signs.
 */
class ClaDurabilityIT {

    @Test
    void signaturesSurviveRestartsAndAnOutageLosesNothingTyped() throws Exception {
        try (TestDatabase.Restartable database = new TestDatabase.Restartable();
             GitHubMock github = new GitHubMock().happyPath()) {
            github.addUser("hubber-code", "gho_hubber", "hubber", 1001);
            github.addUser("mona-code", "gho_mona", "mona", 1002);
            Map<String, String> settings = WarServer.settings(github.uri(), "app.admins", "hubber");
            settings.put("db.url", database.url());

            WarServer app = WarServer.start("/", settings);
            String receipt;
            try {
                assertTrue(app.available());
                TestBrowser admin = ClaSteps.signedIn(app.base(), "hubber-code");
                ClaSteps.create(admin, app.base(), "first", "The first agreement");
                ClaSteps.create(admin, app.base(), "second", "The second agreement");
                receipt = ClaSteps.sign(ClaSteps.signedIn(app.base(), "mona-code"), app.base(), "first", "1");
            } finally {
                app.close();
            }

            // The app restarted: the signature is there, for a new session of its signer.
            app = WarServer.start("/", settings);
            try {
                assertTrue(app.available());
                URI base = app.base();
                TestBrowser mona = ClaSteps.signedIn(base, "mona-code");
                assertEquals(200, mona.get(URI.create(base + "/signatures/" + receipt)).statusCode());
                assertTrue(mona.get(URI.create(base + "/api/me/signatures"), "application/json").body()
                        .contains("\"id\":\"" + receipt + "\""));

                // The database stops while Mona reads the second agreement's form.
                assertEquals(200, mona.get(URI.create(base + "/agreements/second/sign")).statusCode());
                Map<String, String> form = ClaSteps.signForm(mona, base, "1");
                form.put("name", "Mona “kept” Lisa");
                database.stop();
                HttpResponse<String> down = mona.postForm(URI.create(base + "/agreements/second/sign"), form,
                        TestBrowser.HTML);
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.headers().firstValue("Retry-After").isPresent());
                assertTrue(down.body().contains("nothing was signed"), down.body());
                assertTrue(down.body().contains("value=\"Mona “kept” Lisa\""), "what was typed is kept: " + down.body());
                assertTrue(down.body().contains("value=\"mona@example.org\""), down.body());
                assertTrue(down.body().contains("The second agreement"), "the text to sign: " + down.body());
                assertNoStackTrace(down.body());

                HttpResponse<String> home = mona.get(URI.create(base + "/"));
                assertEquals(503, home.statusCode());
                assertNoStackTrace(home.body());
                HttpResponse<String> api = mona.get(URI.create(base + "/api/me/signatures"), "application/json");
                assertEquals(503, api.statusCode());
                assertTrue(api.body().startsWith("{\"error\":"), api.body());
                assertEquals(200, mona.get(URI.create(base + "/health"), "application/json").statusCode(),
                        "the app itself is up");

                // Back: the same form signs, and the first signature is still there.
                database.start();
                HttpResponse<String> signed = retry(() -> mona.postForm(URI.create(base + "/agreements/second/sign"),
                        form, TestBrowser.HTML));
                assertEquals(303, signed.statusCode(), signed.body());
                String api2 = mona.get(URI.create(base + "/api/me/signatures"), "application/json").body();
                assertTrue(api2.contains("\"agreement\":\"second\"") && api2.contains("\"id\":\"" + receipt + "\""), api2);
                TestBrowser admin = ClaSteps.signedIn(base, "hubber-code");
                String audit = admin.get(URI.create(base + "/admin/audit")).body();
                assertTrue(audit.contains("class=\"notice verified\""), audit);
            } finally {
                app.close();
            }
        }
    }

    interface Attempt {
        HttpResponse<String> send() throws Exception;
    }

    /** The pool reconnects on demand: the first requests after the database's return may still see it down. */
    static HttpResponse<String> retry(Attempt attempt) throws Exception {
        HttpResponse<String> last = attempt.send();
        for (int i = 0; i < 20 && last.statusCode() == 503; i++) {
            Thread.sleep(500);
            last = attempt.send();
        }
        return last;
    }

    static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("org.postgresql"), body);
    }
}
