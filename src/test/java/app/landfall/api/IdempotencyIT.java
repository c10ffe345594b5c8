package app.landfall.api;

import static app.landfall.db.schema.Tables.API_IDEMPOTENCY_KEYS;
import static app.landfall.testing.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.db.Database;
import app.landfall.testing.Http;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.web.Assets;
import app.landfall.web.Problem;
import app.landfall.web.RequestLog;
import app.landfall.web.Templates;
import app.landfall.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failure paths of {@link Idempotency}, around a handler the test controls: a retry while the
 * first request runs, server errors, and the 24-hour purge (on the test's clock).
 */
class IdempotencyIT {
    private static final String BODY = "{\"order_number\": \"SO-1\"}";
    private static Database db;
    private static DSLContext dsl;
    private static Javalin web;
    private static Http http;
    private static String key;
    private static TestClock clock;
    private static Idempotency idempotency;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static volatile Handler next;

    @BeforeAll
    static void start() {
        db = Database.start(TestDatabase.config());
        dsl = db.dsl();
        clock = new TestClock("2026-05-04T10:00:00Z");
        long merchant = TestMerchants.create(dsl, "shop");
        key = new ApiKeys(dsl).create(merchant, "test");
        ApiAuthentication authentication = new ApiAuthentication(new ApiKeys(dsl));
        idempotency = new Idempotency(dsl, clock);
        web = WebServer.create(false, new Templates(new Assets()), new RequestLog(), routes -> {
            routes.beforeMatched("/api/v1/*", authentication::authenticate);
            routes.post("/api/v1/probe", idempotency.around(ctx -> {
                RUNS.incrementAndGet();
                next.handle(ctx);
            }));
        });
        web.start(0);
        http = new Http("http://localhost:" + web.port());
    }

    @AfterAll
    static void stop() {
        web.stop();
        db.close();
    }

    @BeforeEach
    void reset() {
        dsl.deleteFrom(API_IDEMPOTENCY_KEYS).execute();
        RUNS.set(0);
        next = ctx -> ctx.status(201).json(Map.of("id", 7));
    }

    private static HttpResponse<String> post(String idempotencyKey) {
        return http.post("/api/v1/probe", key, BODY, "Idempotency-Key", idempotencyKey);
    }

    private static boolean replayed(HttpResponse<String> response) {
        return response.headers().firstValue("Idempotent-Replayed").isPresent();
    }

    @Test
    void a_retry_while_the_first_request_still_runs_gets_409_and_does_not_run() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        next = ctx -> {
            entered.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            ctx.status(201).json(Map.of("id", 7));
        };
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> post("in-flight"));
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the first request is running");

        HttpResponse<String> retry = post("in-flight");
        assertProblem(retry, 409, null);
        assertEquals("1", retry.headers().firstValue("Retry-After").orElse(""));
        clock.advance(Idempotency.ABANDONED.minusSeconds(1));
        assertProblem(post("in-flight"), 409, null);
        assertEquals(1, RUNS.get(), "the retries did not run the handler");

        release.countDown();
        HttpResponse<String> done = first.get(30, TimeUnit.SECONDS);
        assertEquals(201, done.statusCode(), done.body());
        HttpResponse<String> later = post("in-flight");
        assertEquals(201, later.statusCode());
        assertEquals(done.body(), later.body());
        assertTrue(replayed(later));
        assertEquals(1, RUNS.get());
    }

    @Test
    void a_claim_whose_request_never_finished_is_taken_over_after_a_minute() throws Exception {
        // the first request's process "died": it holds the claim and never answers
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        next = ctx -> {
            entered.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            ctx.status(201).json(Map.of("id", 7));
        };
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> post("abandoned"));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        next = ctx -> ctx.status(201).json(Map.of("id", 8));

        clock.advance(Idempotency.ABANDONED.minusSeconds(1));
        assertProblem(post("abandoned"), 409, null);
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> takeover = post("abandoned");
        assertEquals(201, takeover.statusCode(), takeover.body());
        assertFalse(replayed(takeover));
        assertEquals(2, RUNS.get());

        release.countDown();
        stuck.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_server_error_is_not_kept_so_a_retry_with_the_key_runs_again() {
        next = ctx -> Problem.of(503, "Service Unavailable", "The database is busy.").respond(ctx);
        HttpResponse<String> failed = post("after-503");
        assertProblem(failed, 503, null);
        assertEquals(0, dsl.fetchCount(API_IDEMPOTENCY_KEYS, API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq("after-503")),
                "neither the answer nor the claim is kept");

        next = ctx -> ctx.status(201).json(Map.of("id", 9));
        HttpResponse<String> retried = post("after-503");
        assertEquals(201, retried.statusCode(), retried.body());
        assertFalse(replayed(retried), "the retry ran instead of replaying the 503");
        assertEquals(2, RUNS.get());
        HttpResponse<String> again = post("after-503");
        assertTrue(replayed(again), "the success is kept");
        assertEquals(retried.body(), again.body());
        assertEquals(2, RUNS.get());
    }

    @Test
    void a_handler_that_throws_is_not_kept_so_a_retry_with_the_key_runs_again() {
        next = ctx -> {
            throw new IllegalStateException("the database went away");
        };
        assertProblem(post("after-exception"), 500, null);
        assertEquals(0, dsl.fetchCount(API_IDEMPOTENCY_KEYS, API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq("after-exception")));

        next = ctx -> ctx.status(201).json(Map.of("id", 10));
        HttpResponse<String> retried = post("after-exception");
        assertEquals(201, retried.statusCode(), retried.body());
        assertFalse(replayed(retried));
        assertEquals(2, RUNS.get());
    }

    @Test
    void an_answer_is_replayed_for_24_hours_then_purged_and_the_key_runs_anew() {
        assertEquals(201, post("day-old").statusCode());
        clock.advance(Duration.ofHours(12));
        assertEquals(201, post("half-a-day-old").statusCode());
        assertEquals(2, RUNS.get());

        clock.advance(Duration.ofHours(12)); // "day-old" is exactly 24 hours old
        assertEquals(0, idempotency.purge());
        assertTrue(replayed(post("day-old")), "kept for the whole 24 hours");
        assertEquals(2, RUNS.get());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, idempotency.purge(), "only the answer older than 24 hours is forgotten");
        assertTrue(replayed(post("half-a-day-old")));
        HttpResponse<String> anew = post("day-old");
        assertEquals(201, anew.statusCode());
        assertFalse(replayed(anew), "after the purge the key is new again");
        assertEquals(3, RUNS.get());
    }
}
