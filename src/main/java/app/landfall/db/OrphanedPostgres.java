package app.landfall.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Landfall is killed hard (kill -9, a crash), its embedded PostgreSQL keeps running and
 * holds the data directory, so the next start would hang. If no other Landfall holds the data
 * directory's lock, such a server is an orphan: stop it before starting our own.
 */
final class OrphanedPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {
    }

    static void stopIfAny(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .orElse(null);
        if (postmaster == null || !lockIsFree(cluster.resolve("epg-lock"))) {
            return; // stale pid file (PostgreSQL cleans it up itself), or a live Landfall owns it
        }
        LOG.warn("stopping an orphaned embedded PostgreSQL (pid {}) left by a Landfall that did not shut down", postmaster.pid());
        postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            postmaster.onExit().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    private static boolean lockIsFree(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        }
    }
}
