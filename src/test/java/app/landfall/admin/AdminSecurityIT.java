package app.landfall.admin;

import static app.landfall.db.schema.Tables.ADMIN_SESSIONS;
import static app.landfall.db.schema.Tables.API_KEYS;
import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_PHOTOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.accounts.AdminSignIn;
import app.landfall.testing.AdminClient;
import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, CSRF and tenant isolation of the admin, over HTTP against a real database. */
class AdminSecurityIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String HASH = Passwords.hash(PASSWORD);
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long merchantA;
    private static long merchantB;
    private static long returnA;
    private static long returnB;
    private static long photoB;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        merchantA = TestMerchants.create(dsl, "alpha");
        merchantB = TestMerchants.create(dsl, "bravo");
        user(merchantA, "owner@alpha.example", "owner");
        user(merchantA, "support@alpha.example", "support");
        user(merchantB, "owner@bravo.example", "owner");
        returnA = requestedReturn(merchantA, "A-1001", "R-AAAAAA");
        returnB = requestedReturn(merchantB, "B-1001", "R-BBBBBB");
        long itemB = dsl.select(RETURN_ITEMS.ID).from(RETURN_ITEMS).where(RETURN_ITEMS.RETURN_ID.eq(returnB)).fetchSingle(RETURN_ITEMS.ID);
        photoB = dsl.insertInto(RETURN_PHOTOS).set(RETURN_PHOTOS.MERCHANT_ID, merchantB).set(RETURN_PHOTOS.RETURN_ITEM_ID, itemB)
                .set(RETURN_PHOTOS.CONTENT_TYPE, "image/png").set(RETURN_PHOTOS.BODY, new byte[] {1, 2, 3})
                .set(RETURN_PHOTOS.WIDTH, 1).set(RETURN_PHOTOS.HEIGHT, 1)
                .returning(RETURN_PHOTOS.ID).fetchSingle(RETURN_PHOTOS.ID);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static void user(long merchant, String email, String role) {
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, email)
                .set(MERCHANT_USERS.NAME, email.substring(0, email.indexOf('@'))).set(MERCHANT_USERS.PASSWORD_HASH, HASH)
                .set(MERCHANT_USERS.ROLE, role).execute();
    }

    private static long requestedReturn(long merchant, String orderNumber, String rma) {
        var order = TestOrders.delivered(dsl, merchant, orderNumber, OffsetDateTime.now());
        long id = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, merchant).set(RETURNS.RMA_NUMBER, rma)
                .set(RETURNS.ORDER_ID, order.orderId()).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, merchant).set(RETURN_ITEMS.RETURN_ID, id)
                .set(RETURN_ITEMS.ORDER_ITEM_ID, order.itemId()).set(RETURN_ITEMS.QUANTITY, 1).execute();
        return id;
    }

    private static AdminClient signedIn(String email) {
        AdminClient client = new AdminClient(landfall.baseUrl());
        HttpResponse<String> response = client.signIn(email, PASSWORD);
        assertEquals(303, response.statusCode(), response.body());
        return client;
    }

    @Test
    void a_stranger_is_sent_to_the_sign_in_and_back_afterwards() {
        AdminClient client = new AdminClient(landfall.baseUrl());
        HttpResponse<String> page = client.get("/admin/returns?status=requested");
        assertEquals(303, page.statusCode());
        assertEquals("/admin/login?next=%2Fadmin%2Freturns%3Fstatus%3Drequested", page.headers().firstValue("Location").orElseThrow());
        String form = client.get("/admin/login?next=%2Fadmin%2Freturns%3Fstatus%3Drequested").body();
        HttpResponse<String> signIn = client.post("/admin/login", Map.of("_csrf", AdminClient.csrf(form), "email", "owner@alpha.example",
                "password", PASSWORD, "next", "/admin/returns?status=requested"));
        assertEquals("/admin/returns?status=requested", signIn.headers().firstValue("Location").orElseThrow());
        assertTrue(client.get("/admin/returns?status=requested").body().contains("R-AAAAAA"));
    }

    @Test
    void the_next_page_after_sign_in_is_never_another_site() {
        for (String next : List.of("//evil.example/admin", "https://evil.example", "/administrator", "/admin\\@evil.example", "/t/x")) {
            assertEquals("/admin", AdminSignIn.next(next), next);
        }
        assertEquals("/admin/returns/4", AdminSignIn.next("/admin/returns/4"));
    }

    @Test
    void a_session_id_set_before_sign_in_is_not_the_one_after() {
        AdminClient client = new AdminClient(landfall.baseUrl());
        String planted = Tokens.newToken();
        client.plantSession(planted);
        assertEquals(303, client.signIn("owner@alpha.example", PASSWORD).statusCode());
        assertNotNull(client.session());
        assertNotEquals(planted, client.session());
        // and a live session the browser had before signing in again is ended, not reused
        String first = client.session();
        // (the sign-in page sends a signed-in browser on; another open page gives it a pre-session's token)
        assertEquals(303, client.submit("/admin/password/forgot", "/admin/login", Map.of("email", "owner@alpha.example",
                "password", PASSWORD)).statusCode());
        assertNotEquals(first, client.session());
        AdminClient stale = new AdminClient(landfall.baseUrl());
        stale.plantSession(first);
        assertEquals(303, stale.get("/admin").statusCode(), "the earlier session no longer signs anyone in");
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        AdminClient client = signedIn("owner@alpha.example");
        assertEquals(403, client.post("/admin/returns/" + returnA + "/approval", Map.of()).statusCode());
        assertEquals(403, client.post("/admin/returns/" + returnA + "/approval", Map.of("_csrf", Tokens.newToken())).statusCode());
        assertEquals("requested", status(returnA));
        // nor is the sign-in form itself accepted without its token (login CSRF)
        AdminClient other = new AdminClient(landfall.baseUrl());
        assertEquals(403, other.post("/admin/login", Map.of("email", "owner@alpha.example", "password", PASSWORD)).statusCode());
    }

    @Test
    void another_merchants_returns_and_photos_are_not_found_and_stay_unchanged() {
        AdminClient client = signedIn("owner@alpha.example");
        assertEquals(200, client.get("/admin/returns/" + returnA).statusCode());
        assertEquals(404, client.get("/admin/returns/" + returnB).statusCode());
        assertEquals(404, client.get("/admin/returns/" + returnB + "/photos/" + photoB).statusCode());
        assertEquals(404, client.get("/admin/returns/" + returnA + "/photos/" + photoB).statusCode());
        for (String action : List.of("approval", "rejection", "receipt", "resolution", "label-purchase")) {
            var response = client.submit("/admin/returns/" + returnA, "/admin/returns/" + returnB + "/" + action,
                    Map.of("reason", "no", "resolution", "refund", "amount", "1.00", "received_1", "1", "condition_1", "as_new"));
            assertEquals(404, response.statusCode(), action);
        }
        client.submit("/admin/returns", "/admin/returns/bulk", Map.of("action", "approve", "id", String.valueOf(returnB)));
        assertEquals("requested", status(returnB));
        assertFalse(client.get("/admin/returns").body().contains(">R-BBBBBB</a>"));
        assertFalse(client.get("/admin/returns?q=R-BBBBBB").body().contains(">R-BBBBBB</a>"));
        assertFalse(client.get("/admin/returns?q=b-1001@example.com").body().contains(">R-BBBBBB</a>"));
        assertTrue(client.get("/admin/returns?q=r-aaaaaa").body().contains(">R-AAAAAA</a>"), "while its own are found");
    }

    @Test
    void unknown_email_and_wrong_password_get_the_same_answer_and_the_sixth_try_in_a_minute_is_throttled() {
        user(merchantA, "throttled@alpha.example", "admin");
        AdminClient client = new AdminClient(landfall.baseUrl());
        HttpResponse<String> unknown = client.signIn("nobody@alpha.example", PASSWORD);
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains(AdminSignIn.WRONG));
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = client.signIn("throttled@alpha.example", "not the password " + i);
            assertEquals(422, wrong.statusCode(), "try " + i);
            assertTrue(wrong.body().contains(AdminSignIn.WRONG));
        }
        HttpResponse<String> sixth = client.signIn("throttled@alpha.example", "not the password 6");
        assertEquals(429, sixth.statusCode());
        assertTrue(sixth.body().contains("Too many sign-in attempts"), sixth.body());
        assertTrue(sixth.headers().firstValue("Retry-After").isPresent());
        // locked for now: even the right password waits
        assertEquals(429, client.signIn("throttled@alpha.example", PASSWORD).statusCode());
        assertEquals(null, client.session());
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        AdminClient client = signedIn("owner@alpha.example");
        String session = client.session();
        assertEquals(303, client.submit("/admin", "/admin/logout", Map.of()).statusCode());
        assertEquals(null, client.session(), "the cookie is cleared");
        AdminClient replay = new AdminClient(landfall.baseUrl());
        replay.plantSession(session);
        assertEquals(303, replay.get("/admin").statusCode(), "a copied cookie no longer works either");
    }

    @Test
    void sessions_end_after_30_idle_minutes_and_after_12_hours_whatever_happens() {
        AdminClient idle = signedIn("owner@alpha.example");
        dsl.update(ADMIN_SESSIONS).set(ADMIN_SESSIONS.LAST_SEEN_AT, OffsetDateTime.now().minusMinutes(31))
                .where(ADMIN_SESSIONS.ID_HASH.eq(app.landfall.auth.Digests.sha256(idle.session()))).execute();
        assertEquals(303, idle.get("/admin").statusCode());
        AdminClient old = signedIn("owner@alpha.example");
        dsl.update(ADMIN_SESSIONS).set(ADMIN_SESSIONS.CREATED_AT, OffsetDateTime.now().minusHours(12).minusMinutes(1))
                .where(ADMIN_SESSIONS.ID_HASH.eq(app.landfall.auth.Digests.sha256(old.session()))).execute();
        assertEquals(303, old.get("/admin").statusCode());
        AdminClient fresh = signedIn("owner@alpha.example");
        assertEquals(200, fresh.get("/admin").statusCode());
    }

    @Test
    void a_password_reset_link_works_once_and_ends_every_session_of_that_user() {
        user(merchantA, "forgetful@alpha.example", "support");
        AdminClient before = signedIn("forgetful@alpha.example");
        AdminClient client = new AdminClient(landfall.baseUrl());
        HttpResponse<String> unknown = client.submit("/admin/password/forgot", "/admin/password/forgot", Map.of("email", "nobody@alpha.example"));
        HttpResponse<String> known = client.submit("/admin/password/forgot", "/admin/password/forgot", Map.of("email", "forgetful@alpha.example"));
        assertEquals(200, known.statusCode());
        assertEquals(unknown.body().replace("nobody@", "forgetful@").replaceAll("value=\"[^\"]+\"", ""),
                known.body().replaceAll("value=\"[^\"]+\"", ""), "the same page whether or not the email has an account");
        String link = dsl.select(NOTIFICATION_OUTBOX.PAYLOAD).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantA)).and(NOTIFICATION_OUTBOX.TEMPLATE.eq("admin.password_reset"))
                .and(NOTIFICATION_OUTBOX.RECIPIENT.eq("forgetful@alpha.example")).fetchSingle(NOTIFICATION_OUTBOX.PAYLOAD).data();
        String path = link.replaceAll(".*\"link\":\\s*\"[^\"]*?(/admin/password/reset/[A-Za-z0-9_-]{43})\".*", "$1");
        assertTrue(path.startsWith("/admin/password/reset/"), link);
        var tooShort = client.submit(path, path, Map.of("password", "short", "password_again", "short"));
        assertEquals(422, tooShort.statusCode());
        assertTrue(tooShort.body().contains("at least 12 characters"));
        var reset = client.submit(path, path, Map.of("password", "a brand new passphrase", "password_again", "a brand new passphrase"));
        assertEquals(303, reset.statusCode());
        assertEquals(303, before.get("/admin").statusCode(), "the session from before the reset has ended");
        assertEquals(303, new AdminClient(landfall.baseUrl()).signIn("forgetful@alpha.example", "a brand new passphrase").statusCode());
        assertEquals(404, client.get(path).statusCode(), "the link works once");
        assertTrue(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("user.password_reset").and(AUDIT_LOG.MERCHANT_ID.eq(merchantA))));
    }

    @Test
    void notices_come_from_the_session_once_and_never_from_the_address() {
        long id = requestedReturn(merchantA, "A-2002", "R-AAAAAD");
        AdminClient client = signedIn("support@alpha.example");
        String forged = client.get("/admin/returns/" + id + "?notice=Your+session+expired.+Call+1-800-555-0100&problem=Call+us").body();
        assertFalse(forged.contains("1-800"), "a notice in the address is not shown");
        assertFalse(forged.contains("Call us"), "nor a problem");

        client.submit("/admin/returns/" + id, "/admin/returns/" + id + "/approval", Map.of());
        String next = client.get("/admin/returns/" + id).body();
        assertTrue(next.contains("class=\"notice\" role=\"status\">"), "the page after the change confirms it");
        assertFalse(client.get("/admin/returns/" + id).body().contains("class=\"notice\" role=\"status\">"), "once");

        client.submit("/admin/returns", "/admin/returns/bulk", Map.of("action", "approve"));
        String refused = client.get("/admin/returns").body();
        assertTrue(refused.contains("role=\"alert\">Select the returns first, then approve or reject them.</p>"), refused);
    }

    @Test
    void approving_from_the_queue_is_audited_with_who_and_from_where() {
        long id = requestedReturn(merchantA, "A-2001", "R-AAAAAC");
        AdminClient client = signedIn("support@alpha.example");
        var response = client.submit("/admin/returns/" + id, "/admin/returns/" + id + "/approval", Map.of());
        assertEquals(303, response.statusCode());
        assertEquals("/admin/returns/" + id, response.headers().firstValue("Location").orElseThrow());
        assertTrue(client.get("/admin/returns/" + id).body().contains("role=\"status\">"), "the notice comes from the session");
        assertEquals("approved", status(id));
        var audit = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.MERCHANT_ID.eq(merchantA)).and(AUDIT_LOG.ACTION.eq("return.approved"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id))).fetchSingle();
        long supportId = dsl.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("support@alpha.example"))
                .fetchSingle(MERCHANT_USERS.ID);
        assertEquals(String.valueOf(supportId), audit.getActorId());
        assertTrue(audit.getIp() != null && !audit.getIp().isBlank(), "from where");
        // support staff cannot read the audit log; owners can, and see who did it
        assertEquals(403, client.get("/admin/audit").statusCode());
        String log = signedIn("owner@alpha.example").get("/admin/audit").body();
        assertTrue(log.contains("support approved return R-AAAAAC") && log.contains("support@alpha.example"), log);
        // a second approval is refused with words, not an error page
        var again = client.submit("/admin/returns/" + id, "/admin/returns/" + id + "/approval", Map.of());
        assertEquals(303, again.statusCode());
        assertTrue(client.get("/admin/returns/" + id).body().contains("class=\"notice error\" role=\"alert\">"), "said as a problem");
    }

    @Test
    void support_cannot_create_api_keys_and_owners_keys_are_shown_once_used_and_revoked() {
        AdminClient support = signedIn("support@alpha.example");
        assertEquals(403, support.get("/admin/integrations").statusCode());
        assertEquals(403, support.get("/admin/branding").statusCode(), "support does not change settings");
        var refused = support.submit("/admin", "/admin/integrations/api-keys", Map.of("name", "Sneaky"));
        assertEquals(403, refused.statusCode());
        assertFalse(dsl.fetchExists(API_KEYS, API_KEYS.NAME.eq("Sneaky")));

        AdminClient owner = signedIn("owner@alpha.example");
        var created = owner.submit("/admin/integrations", "/admin/integrations/api-keys", Map.of("name", "Warehouse"));
        assertEquals(200, created.statusCode());
        String key = created.body().replaceAll("(?s).*id=\"new-key\"[^>]*value=\"(lf_[A-Za-z0-9_-]+)\".*", "$1");
        assertTrue(key.startsWith("lf_") && key.length() > 40, key);
        assertFalse(owner.get("/admin/integrations").body().contains(key), "shown once");
        var api = new app.landfall.testing.Http(landfall.baseUrl());
        assertEquals(200, api.get("/api/v1/shipments", key).statusCode());
        assertTrue(dsl.fetchExists(API_KEYS, API_KEYS.NAME.eq("Warehouse").and(API_KEYS.LAST_USED_AT.isNotNull())));
        long id = dsl.select(API_KEYS.ID).from(API_KEYS).where(API_KEYS.NAME.eq("Warehouse")).fetchSingle(API_KEYS.ID);
        // another merchant's owner cannot revoke it; its own can
        AdminClient bravo = signedIn("owner@bravo.example");
        assertEquals(404, bravo.submit("/admin/integrations", "/admin/integrations/api-keys/" + id + "/revocation", Map.of()).statusCode());
        assertEquals(200, api.get("/api/v1/shipments", key).statusCode());
        assertEquals(303, owner.submit("/admin/integrations", "/admin/integrations/api-keys/" + id + "/revocation", Map.of()).statusCode());
        assertEquals(401, api.get("/api/v1/shipments", key).statusCode());
    }

    /**
     * Every admin route and API endpoint that takes an id, asked as merchant A with merchant B's ids:
     * all 404 and nothing of B's changes. The list is checked against Routes.java, so a new route with
     * an id cannot be left out.
     */
    @Test
    void every_route_with_an_id_answers_404_for_another_merchants_ids() throws Exception {
        long shipmentB = dsl.select(app.landfall.db.schema.Tables.SHIPMENTS.ID).from(app.landfall.db.schema.Tables.SHIPMENTS)
                .where(app.landfall.db.schema.Tables.SHIPMENTS.MERCHANT_ID.eq(merchantB)).limit(1)
                .fetchSingle(app.landfall.db.schema.Tables.SHIPMENTS.ID);
        var keys = new app.landfall.api.ApiKeys(dsl);
        keys.create(merchantB, "Bravo's key");
        long keyB = dsl.select(API_KEYS.ID).from(API_KEYS).where(API_KEYS.MERCHANT_ID.eq(merchantB)).limit(1).fetchSingle(API_KEYS.ID);
        String keyA = keys.create(merchantA, "Alpha's key");
        Map<String, String> admin = new java.util.LinkedHashMap<>();
        admin.put("GET /admin/returns/{id}", "/admin/returns/" + returnB);
        admin.put("GET /admin/returns/{id}/photos/{photo}", "/admin/returns/" + returnB + "/photos/" + photoB);
        admin.put("POST /admin/returns/{id}/approval", "/admin/returns/" + returnB + "/approval");
        admin.put("POST /admin/returns/{id}/rejection", "/admin/returns/" + returnB + "/rejection");
        admin.put("POST /admin/returns/{id}/receipt", "/admin/returns/" + returnB + "/receipt");
        admin.put("POST /admin/returns/{id}/resolution", "/admin/returns/" + returnB + "/resolution");
        admin.put("POST /admin/returns/{id}/label-purchase", "/admin/returns/" + returnB + "/label-purchase");
        admin.put("GET /admin/shipments/{id}", "/admin/shipments/" + shipmentB);
        for (String file : new String[] {"return-qr.svg", "return-qr.png", "packing-slip.pdf"}) {
            admin.put("GET /admin/shipments/{id}/" + file, "/admin/shipments/" + shipmentB + "/" + file);
        }
        long userB = dsl.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("owner@bravo.example"))
                .fetchSingle(MERCHANT_USERS.ID);
        admin.put("POST /admin/team/{id}/role", "/admin/team/" + userB + "/role");
        long reasonB = dsl.insertInto(app.landfall.db.schema.Tables.RETURN_REASONS).set(app.landfall.db.schema.Tables.RETURN_REASONS.MERCHANT_ID, merchantB)
                .set(app.landfall.db.schema.Tables.RETURN_REASONS.CODE, "bravo_only").set(app.landfall.db.schema.Tables.RETURN_REASONS.LABEL, "Bravo only")
                .returning(app.landfall.db.schema.Tables.RETURN_REASONS.ID).fetchSingle(app.landfall.db.schema.Tables.RETURN_REASONS.ID);
        admin.put("POST /admin/settings/returns/reasons/{id}", "/admin/settings/returns/reasons/" + reasonB);
        admin.put("POST /admin/settings/returns/reasons/{id}/move", "/admin/settings/returns/reasons/" + reasonB + "/move");
        long policyB = dsl.insertInto(app.landfall.db.schema.Tables.RETURN_POLICIES).set(app.landfall.db.schema.Tables.RETURN_POLICIES.MERCHANT_ID, merchantB)
                .set(app.landfall.db.schema.Tables.RETURN_POLICIES.NAME, "Bravo").returning(app.landfall.db.schema.Tables.RETURN_POLICIES.ID)
                .fetchSingle(app.landfall.db.schema.Tables.RETURN_POLICIES.ID);
        var O = app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;
        long overrideB = dsl.insertInto(O).set(O.MERCHANT_ID, merchantB).set(O.POLICY_ID, policyB).set(O.KIND, "tag").set(O.VALUE, "sale")
                .set(O.WINDOW_DAYS, 7).returning(O.ID).fetchSingle(O.ID);
        var L = app.landfall.db.schema.Tables.STORE_LOCATIONS;
        long locationB = dsl.insertInto(L).set(L.MERCHANT_ID, merchantB).set(L.NAME, "Bravo shop").set(L.ADDRESS_LINE1, "1 Road")
                .set(L.CITY, "Town").set(L.COUNTRY, "US").returning(L.ID).fetchSingle(L.ID);
        admin.put("POST /admin/settings/returns/locations/{id}/visibility", "/admin/settings/returns/locations/" + locationB + "/visibility");
        admin.put("POST /admin/settings/returns/overrides/{id}/removal", "/admin/settings/returns/overrides/" + overrideB + "/removal");
        admin.put("POST /admin/team/{id}/removal", "/admin/team/" + userB + "/removal");
        var E = app.landfall.db.schema.Tables.WEBHOOK_ENDPOINTS;
        long endpointB = dsl.insertInto(E).set(E.MERCHANT_ID, merchantB).set(E.URL, "https://bravo.example/hooks")
                .set(E.SECRET, "whsec_" + Tokens.newToken()).returning(E.ID).fetchSingle(E.ID);
        admin.put("POST /admin/integrations/endpoints/{id}/test", "/admin/integrations/endpoints/" + endpointB + "/test");
        admin.put("POST /admin/integrations/endpoints/{id}/removal", "/admin/integrations/endpoints/" + endpointB + "/removal");
        admin.put("POST /admin/integrations/api-keys/{id}/revocation", "/admin/integrations/api-keys/" + keyB + "/revocation");
        landfall.notifications().outbox().add(dsl, new app.landfall.notifications.Notice(merchantB,
                app.landfall.notifications.Notice.Channel.EMAIL, "return.approved", "shopper@bravo.example", "en", Map.of(),
                "security:failed", null, null), OffsetDateTime.now());
        long messageB = dsl.select(NOTIFICATION_OUTBOX.ID).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantB))
                .and(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq("security:failed")).fetchSingle(NOTIFICATION_OUTBOX.ID);
        dsl.update(NOTIFICATION_OUTBOX).set(NOTIFICATION_OUTBOX.STATUS, "failed").set(NOTIFICATION_OUTBOX.BODY_HTML, "<p>Bravo's</p>")
                .where(NOTIFICATION_OUTBOX.ID.eq(messageB)).execute();
        admin.put("GET /admin/messages/{id}", "/admin/messages/" + messageB);
        admin.put("GET /admin/messages/{id}/preview", "/admin/messages/" + messageB + "/preview");
        admin.put("POST /admin/messages/{id}/resend", "/admin/messages/" + messageB + "/resend");
        Map<String, String> api = new java.util.LinkedHashMap<>();
        api.put("GET /api/v1/shipments/{id}", "/api/v1/shipments/" + shipmentB);
        for (String file : new String[] {"return-qr.svg", "return-qr.png", "packing-slip.pdf"}) {
            api.put("GET /api/v1/shipments/{id}/" + file, "/api/v1/shipments/" + shipmentB + "/" + file);
        }
        api.put("POST /api/v1/shipments/{id}/events", "/api/v1/shipments/" + shipmentB + "/events");
        // routes whose path parameter is not a merchant's id: a token that is its own key, or the signed-in merchant's provider
        java.util.Set<String> notIds = java.util.Set.of("GET /admin/password/reset/{token}", "POST /admin/password/reset/{token}",
                "POST /admin/integrations/webhooks/{provider}", "GET /admin/invitation/{token}", "POST /admin/invitation/{token}",
                // a message and a language, not a row: each store's own words (MessageEditorIT probes another store's)
                "GET /admin/settings/notifications/{trigger}/{language}", "POST /admin/settings/notifications/{trigger}/{language}",
                "POST /admin/settings/notifications/{trigger}/{language}/preview", "GET /admin/settings/notifications/{trigger}/{language}/email",
                "POST /admin/settings/notifications/{trigger}/{language}/test", "POST /admin/settings/notifications/{trigger}/{language}/reset");
        String routes = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/app/landfall/Routes.java"));
        var declared = java.util.regex.Pattern.compile("routes\\.(get|post)\\(\"(/(?:admin|api/v1)/[^\"]*\\{[^\"]*)\"").matcher(routes);
        java.util.Set<String> withIds = new java.util.TreeSet<>();
        while (declared.find()) {
            withIds.add(declared.group(1).toUpperCase(java.util.Locale.ROOT) + " " + declared.group(2));
        }
        java.util.Set<String> covered = new java.util.TreeSet<>(admin.keySet());
        covered.addAll(api.keySet());
        covered.addAll(notIds);
        assertEquals(withIds, covered, "every route with an id is in this test");

        AdminClient client = signedIn("owner@alpha.example");
        Map<String, String> form = Map.of("reason", "no", "resolution", "refund", "amount", "1.00", "received_1", "1", "condition_1", "as_new",
                "role", "support", "label", "Renamed by alpha", "direction", "up");
        for (var route : admin.entrySet()) {
            var response = route.getKey().startsWith("GET") ? client.get(route.getValue())
                    : client.submit("/admin", route.getValue(), form);
            assertEquals(404, response.statusCode(), route.getKey());
        }
        var http = new app.landfall.testing.Http(landfall.baseUrl());
        for (var route : api.entrySet()) {
            if (route.getKey().startsWith("GET")) {
                assertEquals(404, http.get(route.getValue(), keyA).statusCode(), route.getKey());
            }
        }
        assertEquals(404, http.post(api.get("POST /api/v1/shipments/{id}/events"), keyA,
                "{\"events\": [{\"status\": \"Delivered\", \"occurred_at\": \"2026-11-01T10:00:00Z\"}]}").statusCode());
        assertEquals("requested", status(returnB));
        assertEquals("failed", dsl.select(NOTIFICATION_OUTBOX.STATUS).from(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.ID.eq(messageB))
                .fetchSingle(NOTIFICATION_OUTBOX.STATUS));
        assertEquals("owner", dsl.select(MERCHANT_USERS.ROLE).from(MERCHANT_USERS).where(MERCHANT_USERS.ID.eq(userB)).fetchSingle(MERCHANT_USERS.ROLE));
        assertTrue(dsl.fetchExists(O, O.ID.eq(overrideB)));
        assertTrue(dsl.fetchExists(E, E.ID.eq(endpointB)));
        assertEquals(0, dsl.fetchCount(app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES,
                app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES.ENDPOINT_ID.eq(endpointB)));
        assertTrue(dsl.fetchExists(L, L.ID.eq(locationB).and(L.ACTIVE)));
        assertEquals("Bravo only", dsl.select(app.landfall.db.schema.Tables.RETURN_REASONS.LABEL).from(app.landfall.db.schema.Tables.RETURN_REASONS)
                .where(app.landfall.db.schema.Tables.RETURN_REASONS.ID.eq(reasonB)).fetchSingle(app.landfall.db.schema.Tables.RETURN_REASONS.LABEL));
        assertEquals(null, dsl.select(API_KEYS.REVOKED_AT).from(API_KEYS).where(API_KEYS.ID.eq(keyB)).fetchSingle(API_KEYS.REVOKED_AT));
        assertEquals(0, dsl.fetchCount(app.landfall.db.schema.Tables.TRACKING_EVENTS,
                app.landfall.db.schema.Tables.TRACKING_EVENTS.SHIPMENT_ID.eq(shipmentB)));
    }

    @Test
    void an_owner_invites_someone_who_joins_with_the_emailed_link_and_the_last_owner_stays() {
        AdminClient owner = signedIn("owner@alpha.example");
        assertEquals(403, signedIn("support@alpha.example").get("/admin/team").statusCode());
        var invited = owner.submit("/admin/team", "/admin/team/invitations", Map.of("email", "New.Person@Alpha.example",
                "name", "New Person", "role", "admin"));
        assertEquals(303, invited.statusCode());
        var taken = owner.submit("/admin/team", "/admin/team/invitations", Map.of("email", "owner@bravo.example", "name", "X", "role", "admin"));
        assertEquals(422, taken.statusCode(), "an email belongs to one team");
        String payload = dsl.select(NOTIFICATION_OUTBOX.PAYLOAD).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.TEMPLATE.eq("admin.invitation")).and(NOTIFICATION_OUTBOX.RECIPIENT.eq("new.person@alpha.example"))
                .fetchSingle(NOTIFICATION_OUTBOX.PAYLOAD).data();
        String path = payload.replaceAll(".*\"link\":\\s*\"[^\"]*?(/admin/invitation/[A-Za-z0-9_-]{43})\".*", "$1");
        AdminClient newcomer = new AdminClient(landfall.baseUrl());
        assertTrue(newcomer.get(path).body().contains("new.person@alpha.example"));
        var joined = newcomer.submit(path, path, Map.of("name", "New Person", "password", "a long enough passphrase",
                "password_again", "a long enough passphrase"));
        assertEquals(303, joined.statusCode());
        assertEquals(200, newcomer.get("/admin/returns").statusCode(), "signed in as the new admin");
        assertEquals(403, newcomer.get("/admin/team").statusCode(), "admins do not run the team");
        assertEquals(404, new AdminClient(landfall.baseUrl()).get(path).statusCode(), "the link works once");

        long ownerId = dsl.select(MERCHANT_USERS.ID).from(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("owner@alpha.example"))
                .fetchSingle(MERCHANT_USERS.ID);
        var demote = owner.submit("/admin/team", "/admin/team/" + ownerId + "/role", Map.of("role", "support"));
        assertEquals(303, demote.statusCode());
        assertTrue(owner.get("/admin/team").body().contains("needs an owner"));
        assertEquals("owner", dsl.select(MERCHANT_USERS.ROLE).from(MERCHANT_USERS).where(MERCHANT_USERS.ID.eq(ownerId)).fetchSingle(MERCHANT_USERS.ROLE));
    }

    @Test
    void an_admin_adds_reorders_and_disables_reasons_and_chooses_the_methods() {
        var R = app.landfall.db.schema.Tables.RETURN_REASONS;
        AdminClient owner = signedIn("owner@alpha.example");
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons",
                Map.of("label", "Arrived damaged", "requires_photos", "on", "requires_review", "on")).statusCode());
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons", Map.of("label", "Too small")).statusCode());
        assertEquals(422, owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons", Map.of("label", " ")).statusCode());
        var damaged = dsl.selectFrom(R).where(R.MERCHANT_ID.eq(merchantA)).and(R.LABEL.eq("Arrived damaged")).fetchSingle();
        assertEquals("arrived_damaged", damaged.getCode());
        assertTrue(damaged.getRequiresPhotos() && damaged.getRequiresReview() && !damaged.getRequiresComment());
        long small = dsl.select(R.ID).from(R).where(R.MERCHANT_ID.eq(merchantA)).and(R.LABEL.eq("Too small")).fetchSingle(R.ID);
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons",
                Map.of("label", "Seam", "parent", String.valueOf(damaged.getId()))).statusCode());
        assertEquals(damaged.getId(), dsl.select(R.PARENT_ID).from(R).where(R.LABEL.eq("Seam")).and(R.MERCHANT_ID.eq(merchantA)).fetchSingle(R.PARENT_ID));

        owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons/" + small + "/move", Map.of("direction", "up"));
        List<String> order = dsl.select(R.LABEL).from(R).where(R.MERCHANT_ID.eq(merchantA)).and(R.PARENT_ID.isNull())
                .orderBy(R.POSITION, R.ID).fetch(R.LABEL);
        assertTrue(order.indexOf("Too small") < order.indexOf("Arrived damaged"), order.toString());

        owner.submit("/admin/settings/returns", "/admin/settings/returns/reasons/" + small, Map.of("label", "Runs small"));
        var changed = dsl.selectFrom(R).where(R.ID.eq(small)).fetchSingle();
        assertEquals("Runs small", changed.getLabel());
        assertFalse(changed.getActive(), "an unticked box disables the reason");

        assertEquals(422, owner.submit("/admin/settings/returns", "/admin/settings/returns/methods", Map.of()).statusCode());
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/methods", Map.of("method", "in_store")).statusCode());
        assertEquals(List.of("in_store"), List.of(dsl.select(app.landfall.db.schema.Tables.RETURN_POLICIES.METHODS)
                .from(app.landfall.db.schema.Tables.RETURN_POLICIES).where(app.landfall.db.schema.Tables.RETURN_POLICIES.MERCHANT_ID.eq(merchantA))
                .and(app.landfall.db.schema.Tables.RETURN_POLICIES.IS_DEFAULT).fetchSingle().value1()));
        assertEquals(403, signedIn("support@alpha.example").get("/admin/settings/returns").statusCode());

        Map<String, String> policy = new java.util.HashMap<>(Map.of("window_days", "45", "window_starts_at", "delivered",
                "store_credit_bonus_percent", "10", "restocking_fee_percent", "5", "return_shipping_fee", "4.95", "ship_within_days", "14",
                "allow_refund", "on", "allow_store_credit", "on", "excluded_product_tags", "gift-card, final"));
        policy.put("return_to_country", "usa");
        assertEquals(422, owner.submit("/admin/settings/returns", "/admin/settings/returns/policy", policy).statusCode());
        policy.put("return_to_country", "us");
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/policy", policy).statusCode());
        var P = app.landfall.db.schema.Tables.RETURN_POLICIES;
        var saved = dsl.selectFrom(P).where(P.MERCHANT_ID.eq(merchantA)).and(P.IS_DEFAULT).fetchSingle();
        assertEquals(45, saved.getWindowDays());
        assertEquals(0, new java.math.BigDecimal("4.95").compareTo(saved.getReturnShippingFee()));
        assertFalse(saved.getAllowExchange());
        assertEquals("US", saved.getReturnToCountry());
        assertEquals(List.of("gift-card", "final"), List.of(saved.getExcludedProductTags()));
        assertTrue(owner.get("/admin/settings/returns").body().contains("value=\"45\""), "the form shows what is saved");
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/overrides",
                Map.of("kind", "sku", "value", "JKT-M", "days", "60")).statusCode());
        assertEquals(422, owner.submit("/admin/settings/returns", "/admin/settings/returns/overrides",
                Map.of("kind", "sku", "value", "JKT-M", "days", "9999")).statusCode());
        var O = app.landfall.db.schema.Tables.RETURN_WINDOW_OVERRIDES;
        assertEquals(422, owner.submit("/admin/settings/returns", "/admin/settings/returns/locations",
                Map.of("location_name", "Downtown", "location_line1", "5 Main St", "location_city", "Springfield", "location_country", "USA"))
                .statusCode());
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/locations",
                Map.of("location_name", "Downtown", "location_line1", "5 Main St", "location_city", "Springfield", "location_country", "us",
                        "location_hours", "Mon–Fri 10–18")).statusCode());
        var L = app.landfall.db.schema.Tables.STORE_LOCATIONS;
        long downtown = dsl.select(L.ID).from(L).where(L.MERCHANT_ID.eq(merchantA)).and(L.NAME.eq("Downtown")).fetchSingle(L.ID);
        owner.submit("/admin/settings/returns", "/admin/settings/returns/locations/" + downtown + "/visibility", Map.of("active", "false"));
        assertFalse(dsl.select(L.ACTIVE).from(L).where(L.ID.eq(downtown)).fetchSingle(L.ACTIVE));
        assertEquals(60, dsl.select(O.WINDOW_DAYS).from(O).where(O.MERCHANT_ID.eq(merchantA)).and(O.VALUE.eq("JKT-M")).fetchSingle(O.WINDOW_DAYS));
    }

    @Test
    void a_csv_import_is_all_or_nothing_and_names_the_rows_at_fault() {
        var O = app.landfall.db.schema.Tables.ORDERS;
        AdminClient owner = signedIn("owner@alpha.example");
        String good = "order_number,customer_email,customer_name,sku,title,quantity,unit_price,tracking_number,carrier\n"
                + "CSV-1,Ann@example.com,Ann,TEE-M,Tee,2,19.90,1ZCSV00001,ups\n"
                + "CSV-1,ann@example.com,Ann,CAP,Cap,1,9.00,1ZCSV00001,ups\n"
                + "\"CSV-2\",bob@example.com,\"Bob, Jr.\",TEE-L,Tee,1,19.90,,\n";
        var imported = owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("Imported 2 orders (2 new) and 1 shipments."), imported.body());
        assertEquals("Bob, Jr.", dsl.select(O.CUSTOMER_NAME).from(O).where(O.MERCHANT_ID.eq(merchantA)).and(O.ORDER_NUMBER.eq("CSV-2"))
                .fetchSingle(O.CUSTOMER_NAME));
        var S = app.landfall.db.schema.Tables.SHIPMENTS;
        assertTrue(dsl.fetchExists(S, S.MERCHANT_ID.eq(merchantA).and(S.TRACKING_NUMBER.eq("1ZCSV00001"))));

        String bad = "order_number,customer_email,sku,title,quantity,unit_price\n"
                + "CSV-3,cat@example.com,TEE,Tee,1,19.90\n"
                + "CSV-4,dan@example.com,TEE,Tee,-1,19.90\n";
        var refused = owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Row 3: quantity must be a whole number above 0."), refused.body());
        assertFalse(dsl.fetchExists(O, O.MERCHANT_ID.eq(merchantA).and(O.ORDER_NUMBER.eq("CSV-3"))), "nothing half-imported");

        // a problem found only while writing (a carrier nobody can tell) undoes the orders written before it
        String unknownCarrier = "order_number,customer_email,sku,title,quantity,unit_price,tracking_number\n"
                + "CSV-5,eve@example.com,TEE,Tee,1,19.90,ZZZZ\n";
        var undone = owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv",
                unknownCarrier.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, undone.statusCode());
        assertTrue(undone.body().contains("Row 2 (tracking number ZZZZ)"), undone.body());
        assertFalse(dsl.fetchExists(O, O.MERCHANT_ID.eq(merchantA).and(O.ORDER_NUMBER.eq("CSV-5"))));

        var unclosed = owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv",
                "order_number,customer_email,sku,title,quantity,unit_price\n\"CSV-6,fay@example.com,TEE,Tee,1,19.90\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, unclosed.statusCode());
        assertTrue(unclosed.body().contains("Row 2: a quoted field is not closed properly."), unclosed.body());

        var notText = owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(422, notText.statusCode());
        assertTrue(notText.body().contains("not UTF-8"));
        assertEquals(403, signedIn("support@alpha.example").get("/admin/integrations").statusCode());
    }

    @Test
    void the_branding_editor_saves_languages_header_links_and_a_domain_no_other_store_uses() {
        var M = app.landfall.db.schema.Tables.MERCHANTS;
        var B = app.landfall.db.schema.Tables.BRANDS;
        dsl.update(M).set(M.CUSTOM_DOMAIN, "track.bravo.example").where(M.ID.eq(merchantB)).execute();
        AdminClient owner = signedIn("owner@alpha.example");
        Map<String, String> form = new java.util.HashMap<>(Map.of("primary", "#224466", "accent", "#aa5500", "background", "#ffffff",
                "text", "#111111", "font", "serif", "default_language", "de", "custom_domain", "Track.Bravo.example",
                "link_label_0", "Shop", "link_url_0", "https://alpha.example/shop"));
        String languages = "&language=en&language=de";
        assertEquals(422, owner.submitRaw("/admin/branding", "/admin/branding", form, languages).statusCode(), "the domain is taken");
        form.put("custom_domain", "track.alpha.example");
        form.put("link_url_0", "javascript:alert(1)");
        assertEquals(422, owner.submitRaw("/admin/branding", "/admin/branding", form, languages).statusCode(), "only web links");
        form.put("link_url_0", "https://alpha.example/shop");
        form.put("default_language", "fr");
        assertEquals(422, owner.submitRaw("/admin/branding", "/admin/branding", form, languages).statusCode(), "default among the enabled");
        form.put("default_language", "de");
        assertEquals(303, owner.submitRaw("/admin/branding", "/admin/branding", form, languages).statusCode());
        var brand = dsl.selectFrom(B).where(B.MERCHANT_ID.eq(merchantA)).and(B.IS_DEFAULT).fetchSingle();
        assertEquals(List.of("en", "de"), List.of(brand.getLanguages()));
        assertEquals("de", brand.getDefaultLanguage());
        assertTrue(brand.getHeaderLinks().data().contains("https://alpha.example/shop"));
        assertEquals("track.alpha.example", dsl.select(M.CUSTOM_DOMAIN).from(M).where(M.ID.eq(merchantA)).fetchSingle(M.CUSTOM_DOMAIN));
        Map<String, String> marketing = new java.util.HashMap<>(Map.of("headline", "Winter is coming", "body", "Wool, mostly.",
                "banner_image_url", "javascript:alert(1)", "rec_title_0", "Scarf", "rec_url_0", "https://alpha.example/scarf",
                "rec_price_0", "$25.00"));
        assertEquals(422, owner.submit("/admin/branding", "/admin/branding/marketing", marketing).statusCode());
        marketing.put("banner_image_url", "/static/img/demo/banner.svg");
        assertEquals(303, owner.submit("/admin/branding", "/admin/branding/marketing", marketing).statusCode());
        String stored = dsl.select(B.MARKETING).from(B).where(B.MERCHANT_ID.eq(merchantA)).and(B.IS_DEFAULT).fetchSingle(B.MARKETING).data();
        assertTrue(stored.contains("Winter is coming") && stored.contains("https://alpha.example/scarf"), stored);
        assertEquals(303, owner.submit("/admin/branding", "/admin/branding/undo", Map.of()).statusCode());
        assertFalse(dsl.select(B.MARKETING).from(B).where(B.MERCHANT_ID.eq(merchantA)).and(B.IS_DEFAULT).fetchSingle(B.MARKETING).data()
                .contains("Winter"), "undo takes the marketing block back too");
        assertEquals(303, owner.submit("/admin/branding", "/admin/branding/undo", Map.of()).statusCode());
        assertEquals(null, dsl.select(M.CUSTOM_DOMAIN).from(M).where(M.ID.eq(merchantA)).fetchSingle(M.CUSTOM_DOMAIN), "undo puts the domain back");
    }

    private static String status(long returnId) {
        return dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.ID.eq(returnId)).fetchSingle(RETURNS.STATUS);
    }
}
