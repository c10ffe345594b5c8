package app.landfall.bench;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.list;

import app.landfall.config.Config;
import app.landfall.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;

/**
 * Fills the database with synthetic merchants, orders, shipments and events for load tests
 * ({@code java -jar landfall.jar generate-data --merchants 10 --shipments 1000000}, docs/benchmarks.md).
 *
 * <p>PostgreSQL makes the rows itself (INSERT ... SELECT over generate_series): per chunk of
 * shipments one statement crosses the wire ({@link ShipmentChunk}). Chunks run on one connection
 * per core, each in its own transaction, so progress shows and memory stays flat. All constraints,
 * foreign keys included, stay on: the database checks what the generator writes.
 * Each run puts its own id into order and tracking numbers, so running it again adds more data.
 */
public final class BenchmarkData {
    private static final int CHUNK = 25_000;

    private final DSLContext dsl;
    private final GeneratorOptions options;
    private final int connections;
    private final PrintStream out;
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final double now = System.currentTimeMillis() / 1000.0;
    private final Totals totals = new Totals();
    private final long startedNanos = System.nanoTime();

    private BenchmarkData(DSLContext dsl, GeneratorOptions options, int connections, PrintStream out) {
        // literals inline: one statement per 25,000 shipments, and constants let the planner fold the CASEs
        Settings settings = ((Settings) dsl.settings().clone()).withStatementType(StatementType.STATIC_STATEMENT);
        this.dsl = dsl.configuration().derive(settings).dsl();
        this.options = options;
        this.connections = connections;
        this.out = out;
    }

    public static void run(Config config, String[] args) {
        GeneratorOptions options = GeneratorOptions.parse(args);
        if (options == null) {
            System.out.println(GeneratorOptions.USAGE);
            System.out.println("Adds merchants bench-1..N (reused when they exist), one order with 1-2 items per shipment,"
                    + " and tracking events, to the database the server uses (DATABASE_URL or LANDFALL_DATA_DIR).");
            return;
        }
        try (Database database = Database.start(config)) {
            int cores = Math.min(Runtime.getRuntime().availableProcessors(), 4);
            int pool = database.dataSource() instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 1;
            new BenchmarkData(database.dsl(), options, Math.max(1, Math.min(cores, pool)), System.out).generate();
        }
    }

    private void generate() {
        List<BenchMerchants.Merchant> merchants = BenchMerchants.createOrReuse(dsl, options.merchants(), totals);
        ShipmentPlan plan = new ShipmentPlan(run, now, options.eventsPerShipment());
        List<ShipmentChunk> chunks = new ArrayList<>();
        for (BenchMerchants.Merchant merchant : merchants) {
            int count = options.shipments() / merchants.size() + (merchant.index() < options.shipments() % merchants.size() ? 1 : 0);
            for (int from = 1; from <= count; from += CHUNK) {
                chunks.add(new ShipmentChunk(merchant, from, Math.min(count, from + CHUNK - 1)));
            }
        }
        out.printf(Locale.ROOT, "Generating %,d shipments (about %d events each) for %d merchants: run %s, %d connections%n",
                options.shipments(), options.eventsPerShipment(), merchants.size(), run, connections);
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ShipmentChunk chunk : chunks) {
                running.add(workers.submit(() -> progress(dsl.transactionResult(tx -> chunk.insert(tx.dsl(), plan)))));
            }
            for (Future<?> chunk : running) {
                chunk.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            workers.shutdownNow();
        }
        double vacuumStarted = seconds();
        // what pgbench -i does too: without it the load tests would start with stale planner
        // statistics and race autovacuum's first pass over millions of new rows
        dsl.query("vacuum (analyze) {0}", list(MERCHANTS, BRANDS, ORDERS, ORDER_ITEMS, SHIPMENTS, SHIPMENT_ITEMS, TRACKING_EVENTS))
                .execute();
        out.printf(Locale.ROOT, "  vacuum (analyze)  %.1f s%n", seconds() - vacuumStarted);
        summary(merchants.size());
    }

    private synchronized void progress(ShipmentChunk.Counts chunk) {
        totals.add(chunk);
        out.printf(Locale.ROOT, "  %3d%%  %,d shipments, %,d events  %.1f s%n",
                totals.shipments * 100L / options.shipments(), totals.shipments, totals.events, seconds());
    }

    private void summary(int merchantCount) {
        double seconds = seconds();
        long rows = totals.merchants + totals.brands + totals.orders + 2 * totals.items + totals.shipments + totals.events;
        out.printf(Locale.ROOT, "  merchants        %,12d new, %d in use%n", totals.merchants, merchantCount);
        out.printf(Locale.ROOT, "  brands           %,12d new%n", totals.brands);
        out.printf(Locale.ROOT, "  orders           %,12d%n", totals.orders);
        out.printf(Locale.ROOT, "  order_items      %,12d%n", totals.items);
        out.printf(Locale.ROOT, "  shipments        %,12d%n", totals.shipments);
        out.printf(Locale.ROOT, "  shipment_items   %,12d%n", totals.items);
        out.printf(Locale.ROOT, "  tracking_events  %,12d%n", totals.events);
        out.printf(Locale.ROOT, "Generated %d shipments, %d events for %d merchants in %.1f s (%,.0f rows/s)%n",
                totals.shipments, totals.events, merchantCount, seconds, rows / seconds);
    }

    private double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
