package app.landfall.db;

import app.landfall.auth.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The embedded cluster's initdb trusts every local connection, so any user on the machine could
 * open the database. On first start Landfall gives the postgres role a generated password (kept in
 * {@code <LANDFALL_DATA_DIR>/postgres.password}, mode 600) and switches pg_hba.conf to
 * scram-sha-256. Written in an order that a crash at any step repeats safely on the next start.
 */
final class EmbeddedCredentials {
    private static final String MARKER = "# landfall: password authentication";
    private static final String HBA = MARKER + "\n"
            + "local all all scram-sha-256\n"
            + "host  all all 127.0.0.1/32 scram-sha-256\n"
            + "host  all all ::1/128 scram-sha-256\n";

    private EmbeddedCredentials() {
    }

    static Optional<String> existingPassword(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    }

    /** Makes sure the cluster requires the password; returns it. */
    static String lockDown(EmbeddedPostgres postgres, Path dataDir, Path cluster) throws IOException {
        Optional<String> existing = existingPassword(dataDir);
        Path hba = cluster.resolve("pg_hba.conf");
        if (existing.isPresent() && Files.readString(hba).startsWith(MARKER)) {
            return existing.get();
        }
        String password = existing.orElseGet(Tokens::newToken);
        if (existing.isEmpty()) {
            Path file = passwordFile(dataDir);
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // a base64url token: nothing in it needs quoting
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hba, HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
        return password;
    }

    private static Path passwordFile(Path dataDir) {
        return dataDir.resolve("postgres.password");
    }
}
