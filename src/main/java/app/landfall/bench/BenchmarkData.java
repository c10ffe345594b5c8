package app.landfall.bench;

import app.landfall.config.Config;

/** Fills the database with synthetic merchants, orders, shipments and events for load tests. */
public final class BenchmarkData {
    private BenchmarkData() {
    }

    public static void run(Config config, String[] args) {
    }
}
