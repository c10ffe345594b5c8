package app.landfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.config.Config;
import app.landfall.demo.DemoData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting Landfall as a newcomer would: the real main, real processes, the embedded PostgreSQL. */
class StartupIT {

    record Exit(int code, List<String> stderr) {
    }

    private static Exit runMain(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Landfall.class.getName());
        builder.environment().keySet().removeIf(k -> k.equals("DATABASE_URL") || k.startsWith("LANDFALL_") || k.equals("PORT"));
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "Landfall should give up, not hang");
        List<String> stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().filter(l -> !l.isBlank()).toList();
        return new Exit(process.exitValue(), stderr);
    }

    @Test
    void a_port_that_is_not_a_number_ends_start_up_with_one_clear_line() throws Exception {
        Exit exit = runMain(Map.of("PORT", "abc"));
        assertEquals(2, exit.code());
        assertEquals(List.of("landfall: PORT must be a whole number from 0 to 65535, got \"abc\""), exit.stderr());
    }

    @Test
    void an_unreachable_database_ends_start_up_with_one_line_naming_database_url() throws Exception {
        Exit exit = runMain(Map.of("DATABASE_URL", "postgres://landfall:secret@127.0.0.1:1/landfall", "PORT", "0"));
        assertEquals(2, exit.code());
        assertEquals(1, exit.stderr().size(), String.join("\n", exit.stderr()));
        assertTrue(exit.stderr().get(0).startsWith("landfall: DATABASE_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/landfall"),
                exit.stderr().get(0));
        assertTrue(!exit.stderr().get(0).contains("secret"));
    }

    @Test
    void keeps_its_data_across_restarts_and_seeds_the_demo_once(@TempDir Path dataDir) {
        Config config = Config.from(Map.of("PORT", "0", "LANDFALL_DATA_DIR", dataDir.toString()));
        long merchants;
        long orders;
        try (Landfall first = Landfall.start(config)) {
            merchants = first.database().dsl().fetchCount(app.landfall.db.schema.Tables.MERCHANTS);
            orders = first.database().dsl().fetchCount(app.landfall.db.schema.Tables.ORDERS);
            assertEquals(1, merchants);
            assertTrue(orders > 0);
        }
        assertTrue(Files.exists(dataDir.resolve("postgres/PG_VERSION")));
        try (Landfall second = Landfall.start(config)) {
            assertEquals(merchants, second.database().dsl().fetchCount(app.landfall.db.schema.Tables.MERCHANTS));
            assertEquals(orders, second.database().dsl().fetchCount(app.landfall.db.schema.Tables.ORDERS));
            assertEquals(DemoData.SLUG, second.database().dsl().select(app.landfall.db.schema.Tables.MERCHANTS.SLUG)
                    .from(app.landfall.db.schema.Tables.MERCHANTS).fetchOne().value1());
        }
    }
}
