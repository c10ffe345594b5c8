package app.landfall.admin;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.AdminClient;
import app.landfall.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's admin pages say one thing: a return's row and its page agree on where it stands, the
 * returns list shows each return's value, a shipment lists the status changes its events caused, and
 * the audit log says a policy change as a sentence with what changed.
 */
class AdminPagesAgreeIT {
    private static final Pattern ROW = Pattern.compile(
            "href=\"/admin/returns/(\\d+)\">(R-[A-Z0-9]+)</a></td>\\s*<td data-label=\"Status\"><span class=\"status-chip tone-(\\w+)\">([^<]+)</span>");
    private static final Pattern VALUE = Pattern.compile("<td data-label=\"Value\" class=\"nowrap num\">([^<]+)</td>");
    private static final Pattern HEADING_CHIP = Pattern.compile("<h1>.*?<span class=\"status-chip tone-(\\w+)\">([^<]+)</span></h1>", Pattern.DOTALL);
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demo;
    private static AdminClient owner;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        owner = new AdminClient(landfall.baseUrl());
        assertEquals(303, owner.signIn("owner@alder-and-ash.example", "landfall-demo").statusCode());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static Map<String, String[]> listed() {
        String list = owner.get("/admin/returns").body();
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(list);
        while (row.find()) {
            rows.put(row.group(1), new String[] {row.group(2), row.group(3), row.group(4)});
        }
        assertTrue(rows.size() >= 5, "the demo's returns are listed: " + list);
        return rows;
    }

    @Test
    void each_returns_row_says_what_its_page_says() {
        Map<String, String[]> rows = listed();
        for (var row : rows.entrySet()) {
            String page = owner.get("/admin/returns/" + row.getKey()).body();
            Matcher chip = HEADING_CHIP.matcher(page);
            assertTrue(chip.find(), page);
            assertEquals(row.getValue()[2] + " (" + row.getValue()[1] + ")", chip.group(2) + " (" + chip.group(1) + ")",
                    row.getValue()[0] + ": the list and the page agree");
        }
    }

    @Test
    void a_return_refunded_while_its_parcel_travels_says_so_on_both_pages() {
        // an approved return may be refunded before anything arrives (approved → refunded); its parcel then travels on
        long travelling = dsl.select(RETURNS.RETURN_SHIPMENT_ID).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demo))
                .and(RETURNS.STATUS.eq("in_transit")).and(RETURNS.RETURN_SHIPMENT_ID.isNotNull()).limit(1).fetchSingle(RETURNS.RETURN_SHIPMENT_ID);
        assertFalse(dsl.select(SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.ID.eq(travelling)).fetchSingle(SHIPMENTS.STATUS)
                .equals("Delivered"), "the demo's return in transit is still travelling");
        long early = dsl.select(RETURNS.ID).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demo)).and(RETURNS.STATUS.eq("approved"))
                .limit(1).fetchSingle(RETURNS.ID);
        // the parcel is given to that return (a parcel belongs to one return)
        dsl.update(RETURNS).setNull(RETURNS.RETURN_SHIPMENT_ID).where(RETURNS.RETURN_SHIPMENT_ID.eq(travelling)).execute();
        dsl.update(RETURNS).set(RETURNS.STATUS, "refunded").set(RETURNS.COMPLETED_AT, OffsetDateTime.now())
                .set(RETURNS.REFUND_AMOUNT, RETURNS.ITEMS_VALUE).set(RETURNS.RETURN_SHIPMENT_ID, travelling).where(RETURNS.ID.eq(early)).execute();
        assertEquals("Refunded before it arrived", listed().get(String.valueOf(early))[2]);
        Matcher chip = HEADING_CHIP.matcher(owner.get("/admin/returns/" + early).body());
        assertTrue(chip.find());
        assertEquals("Refunded before it arrived", chip.group(2));
    }

    @Test
    void every_return_in_the_list_shows_its_value() {
        String list = owner.get("/admin/returns").body();
        Matcher value = VALUE.matcher(list);
        int values = 0;
        while (value.find()) {
            values++;
            assertTrue(value.group(1).matches("\\$\\d[\\d,]*\\.\\d\\d"), "a price, not a dash: " + value.group(1));
        }
        assertEquals(listed().size(), values);
    }

    @Test
    void a_shipment_lists_the_status_changes_its_events_caused() {
        var s = dsl.select(SHIPMENTS.ID, SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(demo))
                .and(SHIPMENTS.STATUS.eq("Delivered")).orderBy(SHIPMENTS.ID).limit(1).fetchSingle();
        List<String> to = dsl.select(SHIPMENT_STATUS_CHANGES.TO_STATUS).from(SHIPMENT_STATUS_CHANGES)
                .where(SHIPMENT_STATUS_CHANGES.MERCHANT_ID.eq(demo)).and(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID.eq(s.value1()))
                .orderBy(SHIPMENT_STATUS_CHANGES.CHANGED_AT, SHIPMENT_STATUS_CHANGES.ID).fetch(SHIPMENT_STATUS_CHANGES.TO_STATUS);
        assertTrue(to.size() >= 3, "label, transit and delivery each changed the status: " + to);
        assertEquals("Delivered", to.get(to.size() - 1), "the last change is to where the shipment is now");
        String page = owner.get("/admin/shipments/" + s.value1()).body();
        String changes = page.substring(page.indexOf("id=\"changes-heading\""));
        assertFalse(changes.contains("None yet"), changes);
        assertTrue(changes.contains("→ Delivered"), changes);
        assertTrue(changes.contains("Waiting for the carrier"), "the first change starts where every parcel starts: " + changes);
        // every demo parcel that moved has the changes that brought it to its status
        Map<Long, String> last = new HashMap<>();
        dsl.select(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID, SHIPMENT_STATUS_CHANGES.TO_STATUS).from(SHIPMENT_STATUS_CHANGES)
                .where(SHIPMENT_STATUS_CHANGES.MERCHANT_ID.eq(demo)).orderBy(SHIPMENT_STATUS_CHANGES.CHANGED_AT, SHIPMENT_STATUS_CHANGES.ID)
                .forEach(c -> last.put(c.value1(), c.value2()));
        dsl.select(SHIPMENTS.ID, SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(demo)).and(SHIPMENTS.STATUS.ne("Pending"))
                .forEach(shipment -> assertEquals(shipment.value2(), last.get(shipment.value1()), "shipment " + shipment.value1()));
    }

    @Test
    void the_audit_log_says_a_policy_change_with_what_changed() {
        HttpResponse<String> settings = owner.get("/admin/settings/returns");
        Map<String, String> form = new LinkedHashMap<>();
        Matcher field = Pattern.compile("<input id=\"(\\w+)\" name=\"\\1\" type=\"(?:number|text)\"[^>]*?value=\"([^\"]*)\"").matcher(settings.body());
        while (field.find()) {
            form.put(field.group(1), field.group(2));
        }
        String window = form.get("window_days");
        form.put("window_days", String.valueOf(Integer.parseInt(window) + 15));
        form.put("window_starts_at", "delivered");
        form.put("allow_refund", "on");
        assertEquals(303, owner.submit("/admin/settings/returns", "/admin/settings/returns/policy", form).statusCode());
        String log = owner.get("/admin/audit").body();
        assertTrue(log.contains("Rowan Ashby changed the return policy: window " + window + " → " + (Integer.parseInt(window) + 15) + " days"),
                log);
        assertEquals(1, dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.MERCHANT_ID.eq(demo).and(AUDIT_LOG.ACTION.eq("return_policy.changed"))));
    }
}
