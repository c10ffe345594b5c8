package app.landfall.tracking;

import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.db.Database;
import app.landfall.demo.DemoData;
import app.landfall.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.Record2;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many lookups at once share queries, and each still gets exactly its own shipment. */
class TokenVersionsIT {
    private static Database db;
    private static TrackingQueries queries;
    private static Result<Record2<Long, String>> shipments;

    @BeforeAll
    static void start() {
        db = Database.start(TestDatabase.config());
        DemoData.seedIfEmpty(db.dsl(), Clock.systemUTC());
        queries = new TrackingQueries(db.lookups(), java.util.function.UnaryOperator.identity());
        shipments = db.dsl().select(SHIPMENTS.ID, SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS).orderBy(SHIPMENTS.ID).fetch();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void concurrent_lookups_each_get_their_own_shipment_or_nothing() throws Exception {
        int threads = 32;
        try (TokenVersions versions = new TokenVersions(queries, 2)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                answers.add(pool.submit(() -> {
                    go.await();
                    int checked = 0;
                    for (int i = thread; i < shipments.size() * 3; i += threads) {
                        var s = shipments.get(i % shipments.size());
                        String token = s.value2();
                        Optional<TrackingQueries.Version> found = versions.find(token);
                        if (found.isEmpty() || found.get().shipmentId() != s.value1()) {
                            return "token of shipment " + s.value1() + " found " + found;
                        }
                        // same selector, different rest: must not match (the full token is compared)
                        String forged = token.substring(0, TrackingQueries.SELECTOR_LENGTH)
                                + new StringBuilder(token.substring(TrackingQueries.SELECTOR_LENGTH)).reverse();
                        if (!forged.equals(token) && versions.find(forged).isPresent()) {
                            return "a forged token matched shipment " + s.value1();
                        }
                        if (versions.find("x".repeat(30)).isPresent() || versions.find("short").isPresent()) {
                            return "an unknown token matched";
                        }
                        checked++;
                    }
                    return "ok " + checked;
                }));
            }
            go.countDown();
            int checked = 0;
            for (Future<String> answer : answers) {
                String result = answer.get(120, TimeUnit.SECONDS);
                assertTrue(result.startsWith("ok "), result);
                checked += Integer.parseInt(result.substring(3));
            }
            pool.shutdown();
            assertEquals(shipments.size() * 3, checked);
            assertTrue(versions.batches() < versions.lookups(), "concurrent lookups never shared a query: "
                    + versions.batches() + " queries for " + versions.lookups() + " lookups");
            System.out.printf("TokenVersionsIT: %d lookups answered by %d queries%n", versions.lookups(), versions.batches());
        }
    }

    @Test
    void after_closing_lookups_still_answer_directly() {
        TokenVersions versions = new TokenVersions(queries, 1);
        versions.close();
        var s = shipments.get(0);
        assertEquals(s.value1(), versions.find(s.value2()).orElseThrow().shipmentId());
    }
}
