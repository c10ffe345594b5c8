package app.landfall.notifications;

import static app.landfall.db.schema.Tables.EMAIL_SENDING_DOMAINS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.config.Config;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings › Email sending and the DKIM signature it leads to: a key made here, the DNS record shown,
 * each email signed so that a receiver holding that record can check it, and the private key kept
 * only encrypted.
 */
class DkimSigningIT {
    private static final String PAGE = "/admin/settings/email-sending";
    private static final String PASSWORD = "correct horse battery";
    private static final String SECRET = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern RECORD = Pattern.compile("v=DKIM1; k=rsa; p=([A-Za-z0-9+/=]+)");
    private final TestClock clock = new TestClock("2026-12-07T09:00:00Z");
    private GreenMail smtp;
    private Landfall landfall;
    private DSLContext dsl;

    @AfterEach
    void stop() {
        if (landfall != null) {
            landfall.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void start(String from, boolean secretKey) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = new HashMap<>(Map.of("LANDFALL_BACKGROUND_JOBS", "false", "LANDFALL_MAIL_FROM", from,
                "LANDFALL_SMTP_URL", "smtp://127.0.0.1:" + port));
        if (secretKey) {
            env.put("LANDFALL_SECRET_KEY", SECRET);
        }
        landfall = Landfall.start(TestDatabase.config(env), clock);
        dsl = landfall.database().dsl();
    }

    private long store(String slug, String role) {
        long store = TestMerchants.create(dsl, slug);
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, store).set(MERCHANT_USERS.EMAIL, role + "@" + slug + ".example")
                .set(MERCHANT_USERS.NAME, role).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, role).execute();
        return store;
    }

    private AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        assertEquals(303, client.signIn(email, PASSWORD).statusCode());
        return client;
    }

    private String sendOneEmail(long store) throws Exception {
        landfall.notifications().outbox().add(dsl, Notice.staffEmail(store, "admin.password_reset", "staff@shop.example",
                Map.of("link", "https://landfall.example/admin/password/abc"), "reset:" + System.nanoTime()), OffsetDateTime.now(clock));
        assertEquals(1, landfall.notifications().sendEmails());
        var received = smtp.getReceivedMessages();
        return GreenMailUtil.getWholeMessage(received[received.length - 1]);
    }

    @Test
    void an_email_from_the_stores_domain_is_signed_so_that_the_published_record_verifies_it_and_tampering_fails() throws Exception {
        start("Notices <notices@mail.shop.example>", true);
        long store = store("shop", "admin");
        AdminClient admin = signedIn("admin@shop.example");
        HttpResponse<String> saved = admin.submit(PAGE, PAGE, Map.of("domain", " Shop.Example ", "selector", "lf2026"));
        assertEquals(303, saved.statusCode(), saved.body());
        String page = admin.get(PAGE).body();
        assertTrue(page.contains("lf2026._domainkey.shop.example"), "the page names the TXT record");
        Matcher record = RECORD.matcher(page);
        assertTrue(record.find(), page);
        String publicKey = record.group(1);
        assertTrue(page.contains("Emails are signed for"), page);

        String raw = sendOneEmail(store);
        Map<String, String> tags = DkimVerifier.tags(raw);
        assertEquals("shop.example", tags.get("d"));
        assertEquals("lf2026", tags.get("s"));
        assertTrue(tags.get("h").toLowerCase().contains("from"), "From is signed");
        assertTrue(DkimVerifier.verifies(raw, publicKey), "a receiver with the published record verifies the signature");

        String body = raw.substring(raw.indexOf("\r\n\r\n"));
        String tamperedBody = raw.substring(0, raw.indexOf("\r\n\r\n")) + body.replaceFirst("password", "passw0rd");
        assertFalse(tamperedBody.equals(raw));
        assertFalse(DkimVerifier.verifies(tamperedBody, publicKey), "a changed body fails");
        String tamperedSubject = raw.replaceFirst("(?m)^Subject: ", "Subject: Re: ");
        assertFalse(DkimVerifier.verifies(tamperedSubject, publicKey), "a changed subject fails");
        KeyPairCheck.otherKeyFails(raw);
    }

    @Test
    void the_private_key_is_stored_only_encrypted_under_the_secret_key_and_bound_to_its_store() throws Exception {
        start("notices@shop.example", true);
        long store = store("shop", "owner");
        signedIn("owner@shop.example").submit(PAGE, PAGE, Map.of("domain", "shop.example", "selector", "landfall"));
        byte[] sealed = dsl.select(EMAIL_SENDING_DOMAINS.PRIVATE_KEY_ENCRYPTED).from(EMAIL_SENDING_DOMAINS)
                .where(EMAIL_SENDING_DOMAINS.MERCHANT_ID.eq(store)).fetchSingle(EMAIL_SENDING_DOMAINS.PRIVATE_KEY_ENCRYPTED);
        DkimKeys keys = new DkimKeys(Config.from(Map.of("LANDFALL_SECRET_KEY", SECRET)).secretKey().orElseThrow());
        byte[] der = keys.open(store, sealed).getEncoded();
        String pem = Base64.getMimeEncoder().encodeToString(der);
        String column = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(column.contains("PRIVATE KEY"));
        assertFalse(column.contains(pem.substring(0, 64)), "no PEM text");
        assertFalse(column.contains(new String(der, 0, 64, StandardCharsets.ISO_8859_1)), "no DER bytes");
        assertFalse(column.contains(Base64.getEncoder().encodeToString(der).substring(0, 64)));
        assertThrows(java.security.GeneralSecurityException.class, () -> keys.open(store + 1, sealed), "bound to its store");
        DkimKeys otherSecret = new DkimKeys(new app.landfall.config.SecretKey(new byte[32]));
        assertThrows(java.security.GeneralSecurityException.class, () -> otherSecret.open(store, sealed));
        assertArrayEquals(der, keys.open(store, sealed).getEncoded(), "and it opens with the right key");
        assertFalse(signedIn("owner@shop.example").get(PAGE).body().contains(pem.substring(0, 40)), "never shown");
    }

    @Test
    void mail_from_an_address_on_another_domain_is_not_signed_and_the_page_says_why() throws Exception {
        start("notices@landfall.example", true);
        long store = store("shop", "admin");
        AdminClient admin = signedIn("admin@shop.example");
        assertEquals(303, admin.submit(PAGE, PAGE, Map.of("domain", "shop.example", "selector", "landfall")).statusCode());
        assertTrue(admin.get(PAGE).body().contains("Emails are signed only when the sender address is on your domain"));
        assertFalse(sendOneEmail(store).contains("DKIM-Signature"));
    }

    @Test
    void without_a_secret_key_the_page_says_dkim_needs_it_and_refuses_to_make_a_key() throws Exception {
        start("notices@shop.example", false);
        long store = store("shop", "admin");
        AdminClient admin = signedIn("admin@shop.example");
        String page = admin.get(PAGE).body();
        assertTrue(page.contains("DKIM needs <code>LANDFALL_SECRET_KEY</code>"), page);
        HttpResponse<String> refused = admin.submit(PAGE, PAGE, Map.of("domain", "shop.example", "selector", "landfall"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("LANDFALL_SECRET_KEY is not set"), refused.body());
        assertEquals(0, dsl.fetchCount(EMAIL_SENDING_DOMAINS));
        assertFalse(sendOneEmail(store).contains("DKIM-Signature"));
    }

    @Test
    void a_bad_domain_or_selector_is_a_form_error_with_the_values_kept_and_nothing_saved() throws Exception {
        start("notices@shop.example", true);
        store("shop", "admin");
        AdminClient admin = signedIn("admin@shop.example");
        HttpResponse<String> bad = admin.submit(PAGE, PAGE, Map.of("domain", "https://shop.example/", "selector", "my selector"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("Enter the domain your emails come from"), bad.body());
        assertTrue(bad.body().contains("Enter a selector of letters, digits and hyphens"));
        assertTrue(bad.body().contains("value=\"https://shop.example/\""), "the value is kept");
        assertTrue(bad.body().contains("<a href=\"#domain\">"), "the summary links to the field");
        assertEquals(0, dsl.fetchCount(EMAIL_SENDING_DOMAINS));
    }

    @Test
    void only_admins_and_owners_reach_the_page_each_sees_only_their_own_store_and_removal_stops_signing() throws Exception {
        start("notices@shop.example", true);
        long store = store("shop", "admin");
        long other = store("quay", "admin");
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, store).set(MERCHANT_USERS.EMAIL, "support@shop.example")
                .set(MERCHANT_USERS.NAME, "support").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "support").execute();
        assertEquals(303, signedIn("admin@shop.example").submit(PAGE, PAGE, Map.of("domain", "shop.example", "selector", "lf")).statusCode());
        assertTrue(signedIn("support@shop.example").get(PAGE).statusCode() >= 400);
        String otherPage = signedIn("admin@quay.example").get(PAGE).body();
        assertFalse(otherPage.contains("lf._domainkey.shop.example"), "another store's record is not shown");
        assertTrue(otherPage.contains("Emails are not signed."), otherPage);
        assertTrue(signedIn("admin@quay.example").post(PAGE + "/removal", Map.of()).statusCode() >= 400, "no CSRF token: refused");
        signedIn("admin@quay.example").submit(PAGE, PAGE + "/removal", Map.of());
        assertEquals(1, dsl.fetchCount(EMAIL_SENDING_DOMAINS, EMAIL_SENDING_DOMAINS.MERCHANT_ID.eq(store)), "quay removed nothing of shop's");
        assertEquals(0, dsl.fetchCount(EMAIL_SENDING_DOMAINS, EMAIL_SENDING_DOMAINS.MERCHANT_ID.eq(other)));
        assertTrue(sendOneEmail(store).contains("DKIM-Signature"));
        assertEquals(303, signedIn("admin@shop.example").submit(PAGE, PAGE + "/removal", Map.of()).statusCode());
        assertFalse(sendOneEmail(store).contains("DKIM-Signature"));
    }

    /** The signature is checked against the key, not merely present: another key fails it. */
    private static final class KeyPairCheck {
        static void otherKeyFails(String raw) throws Exception {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String other = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            assertFalse(DkimVerifier.verifies(raw, other));
        }
    }
}
