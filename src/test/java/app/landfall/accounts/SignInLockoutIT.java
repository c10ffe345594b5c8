package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in lockout under a crowd: many sign-ins sent at once, each from a browser of its own, are
 * checked no more often than the limits allow (5 an email, 30 an address); the rest get 429 unchecked.
 * Each test comes from its own address (through a trusted proxy) after the buckets have refilled.
 */
class SignInLockoutIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final TestClock CLOCK = new TestClock("2026-11-02T09:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long merchant;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_TRUSTED_PROXIES", "127.0.0.1, ::1")), CLOCK);
        dsl = landfall.database().dsl();
        merchant = TestMerchants.create(dsl, "crowded");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @BeforeEach
    void refill_every_bucket() {
        CLOCK.advance(Duration.ofDays(1));
    }

    @Test
    void a_hundred_sign_ins_at_once_on_one_email_check_at_most_five_wrong_passwords_and_the_right_password_then_waits() throws Exception {
        user("target@crowded.example");
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            forms.add(Map.of("email", "target@crowded.example", "password", "guess number " + i));
        }
        forms.add(50, Map.of("email", "target@crowded.example", "password", PASSWORD));
        List<Integer> statuses = signInAtOnce("198.51.100.7", forms);
        // a right password among the first gives its tokens back, so a sixth guess may be checked after it
        long wrong = statuses.stream().filter(s -> s == 422).count();
        long right = statuses.stream().filter(s -> s == 303).count();
        assertTrue(wrong <= 5 && right <= 1, "wrong passwords checked: " + wrong + " of " + count(statuses));
        assertEquals(100 - wrong - right, statuses.stream().filter(s -> s == 429).count(), count(statuses));
        List<Integer> after = signInAtOnce("198.51.100.8", List.of(Map.of("email", "target@crowded.example", "password", PASSWORD)));
        if (!statuses.contains(303)) {
            assertEquals(List.of(429), after, "the right password after the limit is refused unchecked");
        }
    }

    @Test
    void twenty_four_wrong_passwords_at_once_use_up_the_five_checks_and_the_right_password_is_refused() throws Exception {
        user("locked@crowded.example");
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            forms.add(Map.of("email", "locked@crowded.example", "password", "wrong " + i));
        }
        List<Integer> statuses = signInAtOnce("198.51.100.9", forms);
        assertEquals(5, statuses.stream().filter(s -> s == 422).count(), count(statuses));
        assertEquals(19, statuses.stream().filter(s -> s == 429).count(), count(statuses));
        assertEquals(List.of(429), signInAtOnce("198.51.100.10", List.of(Map.of("email", "locked@crowded.example", "password", PASSWORD))));
    }

    @Test
    void forty_sign_ins_at_once_from_one_address_are_checked_at_most_thirty_times() throws Exception {
        user("colleague@crowded.example");
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forms.add(Map.of("email", "someone" + i + "@crowded.example", "password", "wrong " + i));
        }
        List<Integer> statuses = signInAtOnce("203.0.113.40", forms);
        assertEquals(30, statuses.stream().filter(s -> s == 422).count(), count(statuses));
        assertEquals(10, statuses.stream().filter(s -> s == 429).count(), count(statuses));
        assertEquals(List.of(429), signInAtOnce("203.0.113.40", List.of(Map.of("email", "colleague@crowded.example", "password", PASSWORD))),
                "the address is locked out, whatever the email");
    }

    @Test
    void a_right_password_costs_nothing_so_a_colleague_can_sign_in_after_it() throws Exception {
        user("first@crowded.example");
        user("second@crowded.example");
        for (int i = 0; i < 35; i++) {
            assertEquals(List.of(303), signInAtOnce("203.0.113.77", List.of(Map.of("email", "first@crowded.example", "password", PASSWORD))));
        }
        assertEquals(List.of(303), signInAtOnce("203.0.113.77", List.of(Map.of("email", "second@crowded.example", "password", PASSWORD))));
    }

    private static void user(String email) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, email.substring(0, email.indexOf('@'))).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "support").execute();
    }

    /**
     * Each form from a browser of its own (its own cookies and sign-in page, fetched first), all posted
     * at the same moment from {@code address}; the statuses in the order of the forms.
     */
    private static List<Integer> signInAtOnce(String address, List<Map<String, String>> forms) throws Exception {
        List<Browser> browsers = new ArrayList<>();
        for (Map<String, String> form : forms) {
            browsers.add(new Browser(address));
        }
        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < forms.size(); i++) {
                Browser browser = browsers.get(i);
                Map<String, String> form = forms.get(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return browser.signIn(form);
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

    private static String count(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting())).toString();
    }

    /** A browser behind the proxy at 127.0.0.1, seen as {@code address}: keeps its cookies, has fetched the sign-in form. */
    private static final class Browser {
        private final String address;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String csrf;

        Browser(String address) throws IOException, InterruptedException {
            this.address = address;
            HttpResponse<String> page = http.send(request("/admin/login").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            this.csrf = AdminClient.csrf(page.body());
        }

        int signIn(Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return http.send(request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path)).header("X-Forwarded-For", address)
                    .timeout(Duration.ofSeconds(60));
        }
    }
}
