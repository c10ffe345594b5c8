package app.landfall.auth;

import static app.landfall.db.schema.Tables.INSTANCE_SECRETS;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/** Random secrets this Landfall instance keeps in its database (so every app server shares them). */
public final class InstanceSecrets {
    private InstanceSecrets() {
    }

    /** The 32-byte secret with this name, created on first use; two servers starting at once get the same one. */
    public static byte[] load(DSLContext dsl, String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        dsl.insertInto(INSTANCE_SECRETS).set(INSTANCE_SECRETS.NAME, name).set(INSTANCE_SECRETS.SECRET, fresh)
                .onConflict(INSTANCE_SECRETS.NAME).doNothing().execute();
        return dsl.select(INSTANCE_SECRETS.SECRET).from(INSTANCE_SECRETS)
                .where(INSTANCE_SECRETS.NAME.eq(name)).fetchSingle(INSTANCE_SECRETS.SECRET);
    }
}
