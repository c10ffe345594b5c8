package app.landfall.accounts;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Your account: a signed-in person changes their own name and password, and nobody else's. */
class AccountPageIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new password of mine";
    private static final TestClock CLOCK = new TestClock("2026-12-08T12:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long store;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(), CLOCK);
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "shop");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @Test
    void a_support_person_renames_themselves_and_the_header_and_audit_log_say_so() {
        user("ren@shop.example", "Ren", "support");
        AdminClient ren = signedIn("ren@shop.example", PASSWORD);
        String page = ren.get("/admin/account").body();
        assertTrue(page.contains("account-link\" href=\"/admin/account\""), "the header links to the account");
        HttpResponse<String> saved = ren.submit("/admin/account", "/admin/account/name", Map.of("name", "  Ren Ito "));
        assertEquals(303, saved.statusCode());
        assertEquals("/admin/account", saved.headers().firstValue("Location").orElseThrow());
        String after = ren.get("/admin/account").body();
        assertTrue(after.contains("Your name is now Ren Ito."), "a flash notice from the session");
        assertTrue(after.contains(">Ren Ito · Support</a>"), "the header shows the new name");
        assertFalse(ren.get("/admin/account").body().contains("Your name is now"), "the notice is shown once");
        assertEquals("Ren Ito", dsl.select(MERCHANT_USERS.NAME).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("ren@shop.example"))
                .fetchSingle(MERCHANT_USERS.NAME));
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.MERCHANT_ID.eq(store).and(AUDIT_LOG.ACTION.eq("user.renamed"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id("ren@shop.example"))))));
    }

    @Test
    void an_empty_name_is_refused_with_an_error_beside_the_field() {
        user("blank@shop.example", "Blank", "support");
        AdminClient client = signedIn("blank@shop.example", PASSWORD);
        HttpResponse<String> refused = client.submit("/admin/account", "/admin/account/name", Map.of("name", "   "));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("<a href=\"#name\">Enter your name.</a>"), "the error summary links to the field");
        assertTrue(refused.body().contains("id=\"name-error\""));
        assertEquals("Blank", dsl.select(MERCHANT_USERS.NAME).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("blank@shop.example"))
                .fetchSingle(MERCHANT_USERS.NAME));
    }

    @Test
    void a_new_password_ends_the_other_sessions_but_not_this_one() {
        user("kai@shop.example", "Kai", "admin");
        AdminClient here = signedIn("kai@shop.example", PASSWORD);
        AdminClient elsewhere = signedIn("kai@shop.example", PASSWORD);
        String before = here.session();
        HttpResponse<String> changed = here.submit("/admin/account", "/admin/account/password",
                Map.of("current_password", PASSWORD, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD));
        assertEquals(303, changed.statusCode(), changed.body());
        assertNotEquals(before, here.session(), "this browser goes on with a fresh session");
        HttpResponse<String> page = here.get("/admin/account");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Your password is changed. You were signed out everywhere else."), page.body());
        assertEquals(303, elsewhere.get("/admin").statusCode(), "the other browser is signed out");
        assertEquals(422, new AdminClient(landfall.baseUrl()).signIn("kai@shop.example", PASSWORD).statusCode(), "the old password is gone");
        assertEquals(303, new AdminClient(landfall.baseUrl()).signIn("kai@shop.example", NEW_PASSWORD).statusCode());
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.MERCHANT_ID.eq(store).and(AUDIT_LOG.ACTION.eq("user.password_changed"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id("kai@shop.example"))))));
    }

    @Test
    void a_wrong_current_password_is_refused_beside_its_field_and_changes_nothing() {
        user("lee@shop.example", "Lee", "owner");
        AdminClient lee = signedIn("lee@shop.example", PASSWORD);
        HttpResponse<String> refused = lee.submit("/admin/account", "/admin/account/password",
                Map.of("current_password", "not my password", "password", NEW_PASSWORD, "password_again", NEW_PASSWORD));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("<a href=\"#current_password\">That is not your current password. Check it and try again.</a>"));
        assertEquals(200, lee.get("/admin/account").statusCode(), "still signed in");
        HttpResponse<String> mismatch = lee.submit("/admin/account", "/admin/account/password",
                Map.of("current_password", PASSWORD, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD + "!"));
        assertEquals(422, mismatch.statusCode());
        assertTrue(mismatch.body().contains("<a href=\"#password_again\">The two passwords are not the same.</a>"));
        HttpResponse<String> tooShort = lee.submit("/admin/account", "/admin/account/password",
                Map.of("current_password", PASSWORD, "password", "short", "password_again", "short"));
        assertTrue(tooShort.body().contains("<a href=\"#password\">Choose a password of at least 12 characters.</a>"));
        assertTrue(Passwords.matches(PASSWORD, hash("lee@shop.example")), "the password is unchanged");
    }

    @Test
    void wrong_current_passwords_are_throttled_like_sign_ins_even_before_the_right_one() {
        user("max@shop.example", "Max", "support");
        AdminClient max = signedIn("max@shop.example", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(422, max.submit("/admin/account", "/admin/account/password",
                    Map.of("current_password", "guess " + i, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD)).statusCode());
        }
        HttpResponse<String> locked = max.submit("/admin/account", "/admin/account/password",
                Map.of("current_password", PASSWORD, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD));
        assertEquals(429, locked.statusCode());
        assertTrue(locked.body().contains("Too many wrong passwords. Wait 2 minutes and try again."), locked.body());
        assertTrue(Passwords.matches(PASSWORD, hash("max@shop.example")));
        CLOCK.advance(Duration.ofMinutes(3));
        assertEquals(303, signedIn("max@shop.example", PASSWORD).submit("/admin/account", "/admin/account/password",
                Map.of("current_password", PASSWORD, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD)).statusCode());
    }

    @Test
    void a_change_without_the_sessions_csrf_token_is_refused() {
        user("csrf@shop.example", "Csrf", "owner");
        AdminClient client = signedIn("csrf@shop.example", PASSWORD);
        assertEquals(403, client.post("/admin/account/password", Map.of("current_password", PASSWORD, "password", NEW_PASSWORD,
                "password_again", NEW_PASSWORD)).statusCode());
        assertEquals(403, client.post("/admin/account/name", Map.of("name", "Mallory", "_csrf", "forged")).statusCode());
        assertTrue(Passwords.matches(PASSWORD, hash("csrf@shop.example")));
        assertEquals("Csrf", dsl.select(MERCHANT_USERS.NAME).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("csrf@shop.example"))
                .fetchSingle(MERCHANT_USERS.NAME));
    }

    private static long id(String email) {
        return dsl.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq(email)).fetchSingle(MERCHANT_USERS.ID);
    }

    private static String hash(String email) {
        return dsl.select(MERCHANT_USERS.PASSWORD_HASH).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq(email)).fetchSingle(MERCHANT_USERS.PASSWORD_HASH);
    }

    private static void user(String email, String name, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, store).set(MERCHANT_USERS.EMAIL, email).set(MERCHANT_USERS.NAME, name)
                .set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD)).set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static AdminClient signedIn(String email, String password) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, password).statusCode());
        return client;
    }
}
