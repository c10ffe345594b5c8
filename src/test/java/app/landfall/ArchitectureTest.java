package app.landfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (../shared/CONVENTIONS.md), read from the sources: feature packages do not
 * depend on each other in a circle, and each table has one writer. A reference counts wherever it
 * is written, in an import or spelled out in full in the code.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/app/landfall");
    private static final Pattern REFERENCE = Pattern.compile("\\bapp\\.landfall\\.([a-z0-9]+)\\.");
    /** jOOQ writes on a generated table ({@code insertInto(SHIPMENTS)}), and SQL written as text. */
    private static final Pattern DSL_WRITE = Pattern.compile("\\b(?:insertInto|update|deleteFrom|mergeInto)\\(\\s*([A-Z][A-Z0-9_]+)\\b");
    private static final Pattern TEXT_WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z][a-z0-9_]+)\\b");

    /** The tables the structural issue named, and the class that alone writes each. */
    private static final Map<String, Set<String>> WRITERS = Map.ofEntries(
            Map.entry("notification_outbox", Set.of("notifications/Outbox.java")),
            Map.entry("notification_triggers", Set.of("notifications/NotificationTriggers.java")),
            Map.entry("notification_timing", Set.of("notifications/NotificationTiming.java")),
            Map.entry("notification_suppressions", Set.of("notifications/Suppressions.java")),
            Map.entry("order_subscriptions", Set.of("notifications/OrderSubscriptions.java")),
            Map.entry("email_sending_domains", Set.of("notifications/SendingDomains.java")),
            Map.entry("brands", Set.of("branding/BrandStore.java")),
            Map.entry("brand_versions", Set.of("branding/BrandStore.java")),
            Map.entry("return_policies", Set.of("returns/ReturnPolicies.java")),
            Map.entry("return_labels", Set.of("returns/ReturnLabels.java")),
            Map.entry("carrier_accounts", Set.of("postage/CarrierAccounts.java")),
            Map.entry("audit_log", Set.of("audit/AuditTrail.java")),
            Map.entry("notification_templates", Set.of("notifications/CustomWords.java")),
            // a shipment's own fields, and its status derived from events (one statement with the
            // status-change rows on the measured ingestion path: docs/benchmarks.md)
            Map.entry("shipments", Set.of("tracking/ShipmentWriter.java", "tracking/EventIngestion.java")));
    /**
     * Seeders write made-up history in bulk (back-dated events, returns in every state) that no
     * feature writes that way; where an owner offers a plain "create" they use it.
     */
    private static final Set<String> SEEDERS = Set.of("demo", "bench");
    private static final Pattern STRING = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"");

    @Test
    void no_feature_package_depends_on_itself_through_others() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String pkg = feature(file);
            String code = code(file);
            Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                // the generated tables (db.schema) are a package of their own that uses nothing
                String used = m.group(1).equals("db") && code.startsWith("schema.", m.end()) ? "db.schema" : m.group(1);
                if (!used.equals(pkg)) {
                    out.add(used);
                }
            }
        }
        assertTrue(uses.getOrDefault("(root)", Set.of()).contains("tracking"), "the scan sees references at all: " + uses);
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles (each listed once per package on it)");
    }

    @Test
    void the_named_tables_have_their_one_writer() {
        Map<String, Set<String>> writers = writers();
        WRITERS.forEach((table, expected) -> assertEquals(expected, writers.get(table), table));
    }

    @Test
    void every_table_is_written_by_one_feature() {
        Map<String, Set<String>> packages = new TreeMap<>();
        writers().forEach((table, classes) -> classes.forEach(c -> packages.computeIfAbsent(table, k -> new TreeSet<>())
                .add(c.substring(0, c.indexOf('/')))));
        Map<String, Set<String>> shared = new TreeMap<>(packages);
        shared.values().removeIf(p -> p.size() == 1);
        assertTrue(packages.size() > 20, "the scan finds the writes at all: " + packages.keySet());
        assertEquals(Map.of(), shared, "tables written by more than one feature");
    }

    /** Table → the classes (outside the seeders) that insert, update or delete its rows, in jOOQ or in SQL text. */
    private static Map<String, Set<String>> writers() {
        Set<String> tables = new TreeSet<>();
        app.landfall.db.schema.DefaultSchema.DEFAULT_SCHEMA.getTables().forEach(t -> tables.add(t.getName()));
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Path file : sources()) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            if (SEEDERS.contains(feature(file))) {
                continue;
            }
            String code = code(file);
            Matcher dsl = DSL_WRITE.matcher(code);
            while (dsl.find()) {
                if (!tables.contains(dsl.group(1).toLowerCase(Locale.ROOT))) {
                    continue; // an alias of a table (var P = RETURN_POLICIES) or not a table
                }
                writers.computeIfAbsent(dsl.group(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(name);
            }
            Matcher string = STRING.matcher(code);
            while (string.find()) {
                Matcher text = TEXT_WRITE.matcher(string.group(1) != null ? string.group(1) : string.group(2));
                while (text.find()) {
                    if (!tables.contains(text.group(1).toLowerCase(Locale.ROOT))) {
                        continue; // words, not SQL ("… to update this", "FOR UPDATE SKIP LOCKED")
                    }
                    writers.computeIfAbsent(text.group(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(name);
                }
            }
        }
        return writers;
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen,
            List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static String feature(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() == 1 ? "(root)" : relative.getName(0).toString();
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code without comments and without its package line. */
    private static String code(Path file) {
        try {
            String text = Files.readString(file);
            return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "").replaceFirst("package [^;]+;", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
