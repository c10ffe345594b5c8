package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.testing.AdminClient;
import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The first owner of a new store, made from the command line, signs in. */
class UserCommandIT {
    @Test
    void creates_a_store_and_its_owner_who_can_then_sign_in() {
        Config config = TestDatabase.config();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a first owner passphrase\n".getBytes(StandardCharsets.UTF_8)));
            UserCommand.run(config, new String[] {"create", "--merchant", "northwind", "--email", "Ada@Northwind.example",
                    "--name", "Ada", "--store-name", "Northwind Goods"});
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            ConfigException weak = assertThrows(ConfigException.class, () -> UserCommand.run(config,
                    new String[] {"create", "--merchant", "northwind", "--email", "bob@northwind.example"}));
            assertTrue(weak.getMessage().contains("at least 12 characters"));
            System.setIn(new ByteArrayInputStream("another long passphrase\n".getBytes(StandardCharsets.UTF_8)));
            assertThrows(ConfigException.class, () -> UserCommand.run(config,
                    new String[] {"create", "--merchant", "nowhere", "--email", "carl@nowhere.example"}));
        } finally {
            System.setIn(stdin);
        }
        try (Landfall landfall = Landfall.start(config)) {
            var dsl = landfall.database().dsl();
            assertEquals("Northwind Goods", dsl.select(MERCHANTS.NAME).from(MERCHANTS).where(MERCHANTS.SLUG.eq("northwind")).fetchSingle(MERCHANTS.NAME));
            var user = dsl.selectFrom(MERCHANT_USERS).where(MERCHANT_USERS.EMAIL.eq("ada@northwind.example")).fetchSingle();
            assertEquals("owner", user.getRole());
            assertTrue(Passwords.matches("a first owner passphrase", user.getPasswordHash()));
            assertEquals(303, new AdminClient(landfall.baseUrl()).signIn("ada@northwind.example", "a first owner passphrase").statusCode());
        }
    }
}
