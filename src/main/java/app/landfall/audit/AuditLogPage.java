package app.landfall.audit;

import static app.landfall.db.schema.Tables.AUDIT_LOG;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.AdminWords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;
import app.landfall.admin.Role;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The audit log, newest first, 100 a page: who did what, when and from where. Owners only. */
public final class AuditLogPage {
    private static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;

    AuditLogPage(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code what}: the sentence ("Rowan approved return R-1042"); {@code details}: what was recorded, for the curious. */
    public record Entry(String at, String what, String email, String details, String ip) {
    }

    /** GET /admin/audit[?before=id] */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String before = ctx.queryParam("before");
        ZoneId zone = user.zone();
        var rows = dsl.select(AUDIT_LOG.ID, AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.ACTOR_TYPE, AUDIT_LOG.ACTOR_ID, MERCHANT_USERS.NAME,
                        MERCHANT_USERS.EMAIL, AUDIT_LOG.ACTION, AUDIT_LOG.ENTITY_TYPE, AUDIT_LOG.ENTITY_ID, AUDIT_LOG.DETAILS, AUDIT_LOG.IP)
                .from(AUDIT_LOG)
                .leftJoin(MERCHANT_USERS).on(MERCHANT_USERS.MERCHANT_ID.eq(AUDIT_LOG.MERCHANT_ID))
                .and(AUDIT_LOG.ACTOR_TYPE.eq("user")).and(MERCHANT_USERS.ID.cast(String.class).eq(AUDIT_LOG.ACTOR_ID))
                .where(AUDIT_LOG.MERCHANT_ID.eq(user.merchantId()))
                .and(before != null && before.matches("\\d{1,18}") ? AUDIT_LOG.ID.lt(Long.parseLong(before)) : DSL.noCondition())
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(PAGE + 1)
                .fetch();
        List<Entry> entries = rows.stream().limit(PAGE).map(r -> new Entry(
                AdminPages.time(r.value2(), zone),
                AuditSentences.sentence(who(r.value3(), r.value5()), r.value7(), r.value8(), r.value9(), details(r.value10())),
                r.value6(),
                r.value10() == null || r.value10().data().equals("{}") ? null : r.value10().data(),
                AdminWords.orNone(r.value11()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("entries", entries);
        model.put("older", rows.size() > PAGE ? "/admin/audit?before=" + rows.get(PAGE - 1).value1() : null);
        model.put("newest", before == null ? null : "/admin/audit");
        AdminPages.render(ctx, user, "audit", "admin/audit", model);
    }

    /** Who acted, by name: a person of the team, an API key, or Landfall itself. */
    private static String who(String actorType, String name) {
        return name != null ? name : switch (actorType) {
            case "api_key" -> "An API key";
            case "user" -> "A former team member";
            default -> "Landfall";
        };
    }

    private static JsonNode details(JSONB json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json.data());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
