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
    private static final Pattern TEXT_WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z][a-z0-9_]+)\\b[^\\n]*");

    /** Tables whose single writing class the structural issue named; every other table has one writing package. */
    private static final Map<String, String> ONE_WRITER = Map.of(
            "notification_outbox", "notifications/Outbox.java");

    @Test
    void no_feature_package_depends_on_itself_through_others() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String pkg = feature(file);
            Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(code(file));
            while (m.find()) {
                // the generated tables (db.schema) are a package of their own that uses nothing
                String used = m.group(1).equals("db") && code(file).startsWith("schema.", m.end()) ? "db.schema" : m.group(1);
                if (!used.equals(pkg)) {
                    out.add(used);
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles (each listed once per package on it)");
    }

    @Test
    void every_table_is_written_by_one_feature_and_the_outbox_by_one_class() {
        Map<String, Set<String>> writers = writers();
        assertTrue(writers.containsKey("notification_outbox"), "the scan finds the outbox's writer at all");
        ONE_WRITER.forEach((table, writer) -> assertEquals(Set.of(writer), writers.get(table), table));
    }

    private static Map<String, Set<String>> writers() {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Path file : sources()) {
            String code = code(file);
            String name = MAIN.relativize(file).toString();
            Matcher dsl = DSL_WRITE.matcher(code);
            while (dsl.find()) {
                writers.computeIfAbsent(dsl.group(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(name);
            }
            Matcher text = TEXT_WRITE.matcher(code);
            while (text.find()) {
                String table = text.group(1).toLowerCase(Locale.ROOT);
                if (!table.equals("set") && code.substring(Math.max(0, text.start() - 200), text.start()).contains("\"")) {
                    writers.computeIfAbsent(table, k -> new TreeSet<>()).add(name);
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
