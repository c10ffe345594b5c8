package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emailed links of the admin: a password reset (an hour) and an invitation (7 days), each tried
 * just before and just after it runs out on the app's clock; and using one link cancels its siblings.
 */
class AdminLinksIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Duration A_SECOND = Duration.ofSeconds(1);
    private static final Duration RESET_LINK_LASTS = Duration.ofHours(1);
    private static final Duration INVITATION_LASTS = Duration.ofDays(7);
    private static final TestClock CLOCK = new TestClock("2026-11-02T09:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long merchant;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(), CLOCK);
        dsl = landfall.database().dsl();
        merchant = TestMerchants.create(dsl, "links");
        user("owner@links.example", "owner");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @BeforeEach
    void a_day_later_every_rate_limit_has_refilled() {
        CLOCK.advance(Duration.ofDays(1));
    }

    @Test
    void a_reset_link_still_works_a_second_before_its_hour_is_up() {
        user("early@links.example", "support");
        String link = resetLink("early@links.example");
        CLOCK.advance(RESET_LINK_LASTS.minus(A_SECOND));
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(200, client.get(link).statusCode());
        assertEquals(303, setPassword(client, link).statusCode());
        assertTrue(Passwords.matches(NEW_PASSWORD, hash("early@links.example")));
    }

    @Test
    void a_reset_link_is_refused_a_second_after_its_hour_is_up() {
        user("late@links.example", "support");
        String link = resetLink("late@links.example");
        CLOCK.advance(RESET_LINK_LASTS.plus(A_SECOND));
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(404, client.get(link).statusCode());
        assertEquals(404, setPassword(client, link).statusCode());
        assertTrue(Passwords.matches(PASSWORD, hash("late@links.example")), "the password is unchanged");
    }

    @Test
    void using_one_reset_link_cancels_the_others_of_that_user() {
        user("twice@links.example", "support");
        String first = resetLink("twice@links.example");
        String second = resetLink("twice@links.example");
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, setPassword(client, second).statusCode());
        assertEquals(404, client.get(first).statusCode());
        var again = client.submit("/admin/password/forgot", first, Map.of("password", "someone else's choice", "password_again",
                "someone else's choice"));
        assertEquals(404, again.statusCode());
        assertTrue(Passwords.matches(NEW_PASSWORD, hash("twice@links.example")), "the second link's password stands");
    }

    @Test
    void two_reset_links_of_one_user_used_at_once_change_the_password_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            CLOCK.advance(Duration.ofMinutes(30)); // asking for links is limited too: five an address in ten minutes
            String email = "hasty" + round + "@links.example";
            user(email, "support");
            String first = resetLink(email);
            String second = resetLink(email);
            List<Integer> statuses = atOnce(setPasswordLater(first), setPasswordLater(second));
            assertEquals(List.of(303, 404), statuses.stream().sorted().toList(), "round " + round + ": " + statuses);
        }
    }

    @Test
    void two_invitations_to_one_email_accepted_at_once_make_one_account() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = "eager" + round + "@links.example";
            String first = invite(email, "support");
            String second = invite(email, "admin");
            List<Integer> statuses = atOnce(joinLater(first), joinLater(second));
            assertEquals(List.of(303, 404), statuses.stream().sorted().toList(), "round " + round + ": " + statuses);
            assertEquals(1, dsl.fetchCount(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq(email)));
        }
    }

    @Test
    void signing_in_cancels_the_reset_links_sent_before() {
        user("remembered@links.example", "support");
        String link = resetLink("remembered@links.example");
        assertEquals(303, new AdminClient(landfall.baseUrl()).signIn("remembered@links.example", PASSWORD).statusCode());
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(404, client.get(link).statusCode());
        assertEquals(404, setPassword(client, link).statusCode());
        assertTrue(Passwords.matches(PASSWORD, hash("remembered@links.example")));
    }

    @Test
    void an_invitation_still_works_a_second_before_its_seven_days_are_up() {
        String link = invite("punctual@links.example", "support");
        CLOCK.advance(INVITATION_LASTS.minus(A_SECOND));
        AdminClient newcomer = new AdminClient(landfall.baseUrl());
        assertEquals(200, newcomer.get(link).statusCode());
        assertEquals(303, join(newcomer, link).statusCode());
        assertEquals(200, newcomer.get("/admin").statusCode(), "signed in as the new member");
    }

    @Test
    void an_invitation_is_refused_a_second_after_its_seven_days_are_up() {
        String link = invite("tardy@links.example", "support");
        CLOCK.advance(INVITATION_LASTS.plus(A_SECOND));
        AdminClient newcomer = new AdminClient(landfall.baseUrl());
        assertEquals(404, newcomer.get(link).statusCode());
        assertEquals(404, join(newcomer, link).statusCode());
        assertFalse(dsl.fetchExists(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq("tardy@links.example")));
    }

    @Test
    void joining_through_one_invitation_cancels_the_other_invitations_to_that_email() {
        String asOwner = invite("changed.mind@links.example", "owner");
        String asSupport = invite("changed.mind@links.example", "support");
        AdminClient newcomer = new AdminClient(landfall.baseUrl());
        assertEquals(303, join(newcomer, asSupport).statusCode());
        long id = dsl.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("changed.mind@links.example"))
                .fetchSingle(MERCHANT_USERS.ID);
        AdminClient owner = signedIn("owner@links.example");
        assertFalse(owner.get("/admin/team").body().contains("(changed.mind@links.example, "), "no invitation is left open for them");
        assertEquals(303, owner.submit("/admin/team", "/admin/team/" + id + "/removal", Map.of()).statusCode());
        // removed from the team, the older invitation does not bring them back (as an owner, at that)
        AdminClient removed = new AdminClient(landfall.baseUrl());
        assertEquals(404, removed.get(asOwner).statusCode());
        assertEquals(404, join(removed, asOwner).statusCode());
        assertFalse(dsl.fetchExists(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq("changed.mind@links.example")));
    }

    private static void user(String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, email.substring(0, email.indexOf('@'))).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static String hash(String email) {
        return dsl.select(MERCHANT_USERS.PASSWORD_HASH).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq(email))
                .fetchSingle(MERCHANT_USERS.PASSWORD_HASH);
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }

    /** Asks for a reset link and returns its path, as the email would carry it. */
    private static String resetLink(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(200, client.submit("/admin/password/forgot", "/admin/password/forgot", Map.of("email", email)).statusCode());
        return newestLink("admin.password_reset", email, "/admin/password/reset/");
    }

    /** The owner invites {@code email}; returns the invitation's path. */
    private static String invite(String email, String role) {
        AdminClient owner = signedIn("owner@links.example");
        assertEquals(303, owner.submit("/admin/team", "/admin/team/invitations", Map.of("email", email, "name", "Someone", "role", role))
                .statusCode());
        return newestLink("admin.invitation", email, "/admin/invitation/");
    }

    private static String newestLink(String template, String email, String prefix) {
        String payload = dsl.select(NOTIFICATION_OUTBOX.PAYLOAD).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchant))
                .and(NOTIFICATION_OUTBOX.TEMPLATE.eq(template)).and(NOTIFICATION_OUTBOX.RECIPIENT.eq(email))
                .orderBy(NOTIFICATION_OUTBOX.ID.desc()).limit(1).fetchSingle(NOTIFICATION_OUTBOX.PAYLOAD).data();
        String path = payload.replaceAll(".*\"link\":\\s*\"[^\"]*?(" + prefix + "[A-Za-z0-9_-]{43})\".*", "$1");
        assertTrue(path.startsWith(prefix), payload);
        return path;
    }

    /** Posts the reset form with the CSRF value of the sign-in page (the link's own page may be gone). */
    private static HttpResponse<String> setPassword(AdminClient client, String link) {
        return client.submit("/admin/password/forgot", link, Map.of("password", NEW_PASSWORD, "password_again", NEW_PASSWORD));
    }

    /** A browser with the form of {@code link} open; submitting it is left for later. */
    private static Callable<Integer> setPasswordLater(String link) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        String csrf = AdminClient.csrf(client.get(link).body());
        return () -> client.post(link, Map.of("_csrf", csrf, "password", NEW_PASSWORD, "password_again", NEW_PASSWORD)).statusCode();
    }

    private static Callable<Integer> joinLater(String link) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        String csrf = AdminClient.csrf(client.get(link).body());
        return () -> client.post(link, Map.of("_csrf", csrf, "name", "New Person", "password", "a long enough passphrase",
                "password_again", "a long enough passphrase")).statusCode();
    }

    /** Submits both at the same moment; their statuses. */
    private static List<Integer> atOnce(Callable<Integer> one, Callable<Integer> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> submit : List.of(one, other)) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return submit.call();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> join(AdminClient client, String link) {
        return client.submit("/admin/password/forgot", link, Map.of("name", "New Person", "password", "a long enough passphrase",
                "password_again", "a long enough passphrase"));
    }
}
