package app.landfall.admin;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cookies when Landfall is reached over HTTPS (LANDFALL_BASE_URL https://…) through a TLS proxy, so
 * the requests themselves arrive as plain HTTP; and the sign-in's CSRF token, bound to a pre-session.
 */
class AdminCookiesIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SESSION = "__Host-lf_session";
    private static final TestClock CLOCK = new TestClock("2026-11-02T09:00:00Z");
    private static Landfall landfall;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BASE_URL", "https://returns.example.test")), CLOCK);
        DSLContext dsl = landfall.database().dsl();
        long merchant = TestMerchants.create(dsl, "secure");
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "owner@secure.example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    /** Behind the proxy the app listens on plain HTTP; the browser sees https://returns.example.test. */
    private static AdminClient browser() {
        return new AdminClient("http://localhost:" + landfall.port());
    }

    @Test
    void under_https_a_plain_lf_session_cookie_with_a_live_session_id_signs_nobody_in() {
        AdminClient owner = browser();
        assertEquals(303, owner.signIn("owner@secure.example", PASSWORD).statusCode());
        String id = owner.cookie(SESSION);
        assertNotNull(id, "the session cookie is " + SESSION);
        assertEquals(200, owner.get("/admin").statusCode());
        AdminClient tossed = browser();
        tossed.plantCookie("lf_session", id);
        assertEquals(303, tossed.get("/admin").statusCode(), "only the __Host- cookie, which no other host can set, is read");
    }

    @Test
    void every_cookie_is_secure_when_the_base_url_is_https_though_the_request_came_over_http() {
        AdminClient client = browser();
        List<String> cookies = new java.util.ArrayList<>(client.get("/secure/track").headers().allValues("Set-Cookie"));
        cookies.addAll(client.get("/admin/login").headers().allValues("Set-Cookie"));
        HttpResponse<String> signIn = client.submit("/admin/login", "/admin/login", Map.of("email", "owner@secure.example", "password", PASSWORD));
        assertEquals(303, signIn.statusCode());
        cookies.addAll(signIn.headers().allValues("Set-Cookie"));
        assertTrue(cookies.stream().anyMatch(c -> c.contains("csrf")), "the lookup form sets its CSRF cookie: " + cookies);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(SESSION + "=")), cookies.toString());
        for (String cookie : cookies) {
            assertTrue(cookie.startsWith("__Host-"), "prefixed: " + cookie);
            assertTrue(cookie.contains("; Secure"), "Secure: " + cookie);
        }
    }

    @Test
    void the_sign_in_refuses_a_csrf_cookie_and_field_someone_else_chose() {
        AdminClient victim = browser();
        String chosen = Tokens.newToken();
        victim.plantCookie("lf_csrf", chosen);
        victim.plantCookie("__Host-lf_csrf", chosen);
        HttpResponse<String> forged = victim.post("/admin/login", Map.of("_csrf", chosen, "email", "owner@secure.example", "password", PASSWORD));
        assertEquals(403, forged.statusCode());
        assertNull(victim.cookie(SESSION), "not signed in as the attacker's account");
    }

    @Test
    void the_sign_in_refuses_the_token_of_another_browsers_form() {
        String attackers = AdminClient.csrf(browser().get("/admin/login").body());
        AdminClient victim = browser();
        victim.get("/admin/login");
        HttpResponse<String> forged = victim.post("/admin/login", Map.of("_csrf", attackers, "email", "owner@secure.example", "password", PASSWORD));
        assertEquals(403, forged.statusCode());
        assertNull(victim.cookie(SESSION));
    }

    @Test
    void a_sign_in_form_left_open_for_a_day_has_expired() {
        AdminClient client = browser();
        String csrf = AdminClient.csrf(client.get("/admin/login").body());
        CLOCK.advance(Duration.ofDays(1));
        HttpResponse<String> late = client.post("/admin/login", Map.of("_csrf", csrf, "email", "owner@secure.example", "password", PASSWORD));
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("This form has expired"), late.body());
        assertEquals(303, client.signIn("owner@secure.example", PASSWORD).statusCode(), "a fresh form works");
    }
}
