package app.landfall.api;

import static app.landfall.db.schema.Tables.API_IDEMPOTENCY_KEYS;

import app.landfall.auth.Digests;
import app.landfall.web.Problem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jooq.DSLContext;

/**
 * {@code Idempotency-Key} on API POSTs: the first request with a key runs and its answer is kept for
 * 24 hours; a retry with the same key and the same request gets that answer again (with
 * {@code Idempotent-Replayed: true}) instead of acting twice. The same key with a different request is
 * refused (422), and so is a retry while the first is still running (409). Server errors are not
 * kept, so a request that failed that way can be retried with its key.
 */
public final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    /** A claim older than this whose request never finished (the process died) may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final Clock clock;

    public Idempotency(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** {@code handler}, made safe to retry with an Idempotency-Key. */
    public Handler around(Handler handler) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                Problem.of(400, "Bad Request", "Idempotency-Key must be 1 to 255 visible ASCII characters, "
                        + "e.g. a UUID.").respond(ctx);
                return;
            }
            long merchantId = ApiAuthentication.merchantId(ctx);
            byte[] hash = Digests.sha256(concat(ctx.method() + " " + ctx.path() + "\n", ctx.bodyAsBytes()));
            if (!claim(merchantId, key, hash, ctx)) {
                return;
            }
            boolean kept = false;
            try {
                handler.handle(ctx);
                int status = ctx.status().getCode();
                if (status < 500) {
                    String body = ctx.result();
                    keep(merchantId, key, status, ctx.res().getContentType(), body == null ? new byte[0]
                            : body.getBytes(StandardCharsets.UTF_8));
                    kept = true;
                }
            } finally {
                if (!kept) {
                    release(merchantId, key);
                }
            }
        };
    }

    /** True when this request may run; otherwise the answer (a replay or a refusal) is already set. */
    private boolean claim(long merchantId, String key, byte[] hash, Context ctx) {
        OffsetDateTime now = now();
        int inserted = dsl.insertInto(API_IDEMPOTENCY_KEYS)
                .set(API_IDEMPOTENCY_KEYS.MERCHANT_ID, merchantId)
                .set(API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                .set(API_IDEMPOTENCY_KEYS.REQUEST_HASH, hash)
                .set(API_IDEMPOTENCY_KEYS.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return true;
        }
        var stored = dsl.selectFrom(API_IDEMPOTENCY_KEYS)
                .where(API_IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId))
                .and(API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .fetchOne();
        if (stored == null) {
            return claim(merchantId, key, hash, ctx); // purged in between
        }
        if (!Arrays.equals(stored.getRequestHash(), hash)) {
            Problem.of(422, "Unprocessable Content", "This Idempotency-Key was used with a different request "
                    + "(method, path or body). Use a new key for a new request.").respond(ctx);
            return false;
        }
        if (stored.getCompletedAt() != null) {
            ctx.status(stored.getResponseStatus()).header("Idempotent-Replayed", "true").result(stored.getResponseBody());
            if (stored.getResponseType() != null) {
                ctx.contentType(stored.getResponseType());
            }
            return false;
        }
        if (stored.getCreatedAt().isAfter(now.minus(ABANDONED))) {
            ctx.header("Retry-After", "1");
            Problem.of(409, "Conflict", "A request with this Idempotency-Key is still being processed; "
                    + "retry in a moment.").respond(ctx);
            return false;
        }
        // abandoned by a process that died mid-request: take it over
        return dsl.update(API_IDEMPOTENCY_KEYS)
                .set(API_IDEMPOTENCY_KEYS.CREATED_AT, now)
                .where(API_IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId))
                .and(API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .and(API_IDEMPOTENCY_KEYS.CREATED_AT.eq(stored.getCreatedAt()))
                .and(API_IDEMPOTENCY_KEYS.COMPLETED_AT.isNull())
                .execute() == 1 || claim(merchantId, key, hash, ctx);
    }

    private void keep(long merchantId, String key, int status, String type, byte[] body) {
        dsl.update(API_IDEMPOTENCY_KEYS)
                .set(API_IDEMPOTENCY_KEYS.RESPONSE_STATUS, status)
                .set(API_IDEMPOTENCY_KEYS.RESPONSE_TYPE, type)
                .set(API_IDEMPOTENCY_KEYS.RESPONSE_BODY, body)
                .set(API_IDEMPOTENCY_KEYS.COMPLETED_AT, now())
                .where(API_IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId))
                .and(API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .execute();
    }

    private void release(long merchantId, String key) {
        dsl.deleteFrom(API_IDEMPOTENCY_KEYS)
                .where(API_IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId))
                .and(API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .and(API_IDEMPOTENCY_KEYS.COMPLETED_AT.isNull())
                .execute();
    }

    /** Forgets answers older than 24 hours; returns how many. Run periodically. */
    public int purge() {
        return dsl.deleteFrom(API_IDEMPOTENCY_KEYS)
                .where(API_IDEMPOTENCY_KEYS.CREATED_AT.lt(now().minus(KEEP)))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }
}
