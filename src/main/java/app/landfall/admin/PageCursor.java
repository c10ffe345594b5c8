package app.landfall.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where the next page of an admin list starts (a keyset cursor): the last row's time and id, written
 * {@code <epoch micros>.<id>} in the {@code after} parameter. Lists sort by (time, id) descending.
 */
public record PageCursor(OffsetDateTime at, long id) {

    /** Reads an {@code after} parameter; anything malformed means the first page. */
    public static Optional<PageCursor> parse(String raw) {
        if (raw == null || !raw.matches("\\d{1,18}\\.\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = raw.split("\\.");
        return Optional.of(new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                Long.parseLong(parts[1])));
    }

    public String text() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant()) + "." + id;
    }
}
