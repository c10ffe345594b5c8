package app.landfall.accounts;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;

import app.landfall.merchants.Merchants;
import app.landfall.admin.Role;
import app.landfall.auth.Passwords;
import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code java -jar landfall.jar user create --merchant <slug> --email <email> [--name <name>] [--role owner|admin|support]
 * [--store-name <name>]}: the first owner of a store (and the store itself with --store-name). The password comes from
 * LANDFALL_PASSWORD or, without it, from the terminal (not echoed) or the first line of standard input.
 */
public final class UserCommand {
    static final String USAGE = "usage: java -jar landfall.jar user create --merchant <slug> --email <email> [--name <name>]"
            + " [--role owner|admin|support] [--store-name <name>]   (password: LANDFALL_PASSWORD or standard input)";

    private UserCommand() {
    }

    public static void run(Config config, String[] args) {
        if (args.length == 0 || !args[0].equals("create")) {
            throw new ConfigException(USAGE);
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length || !java.util.Set.of("--merchant", "--email", "--name", "--role", "--store-name").contains(args[i])) {
                throw new ConfigException("unknown option or missing value at " + args[i] + "; " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        String slug = options.get("--merchant");
        String email = options.getOrDefault("--email", "").strip().toLowerCase(Locale.ROOT);
        if (slug == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
            throw new ConfigException("--merchant and a valid --email are required; " + USAGE);
        }
        Role role = Role.parse(options.getOrDefault("--role", "owner"))
                .orElseThrow(() -> new ConfigException("--role is owner, admin or support"));
        String name = options.getOrDefault("--name", email.substring(0, email.indexOf('@')));
        String password = password();
        String problem = AdminPasswords.problem(password, password);
        if (problem != null) {
            throw new ConfigException(problem);
        }
        String hash = Passwords.hash(password);
        try (Database database = Database.start(config)) {
            database.dsl().transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                Long merchantId = tx.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(slug)).fetchOne(MERCHANTS.ID);
                if (merchantId == null) {
                    String storeName = options.get("--store-name");
                    if (storeName == null) {
                        throw new ConfigException("no merchant with slug \"" + slug + "\" (add --store-name to create it)");
                    }
                    merchantId = Merchants.create(tx, slug, storeName);
                }
                if (tx.fetchExists(MERCHANT_USERS, MERCHANT_USERS.EMAIL.eq(email))) {
                    throw new ConfigException(email + " already has an account");
                }
                tx.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchantId).set(MERCHANT_USERS.EMAIL, email)
                        .set(MERCHANT_USERS.NAME, name).set(MERCHANT_USERS.PASSWORD_HASH, hash).set(MERCHANT_USERS.ROLE, role.code())
                        .execute();
            });
            System.out.println(email + " can sign in at /admin/login as " + role.label().toLowerCase(Locale.ROOT) + " of " + slug + ".");
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException("could not create the user: " + e.getMessage());
        }
    }

    private static String password() {
        String fromEnv = System.getenv("LANDFALL_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password for the new user (12 characters or more): ");
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new ConfigException("could not read the password from standard input");
        }
    }
}
