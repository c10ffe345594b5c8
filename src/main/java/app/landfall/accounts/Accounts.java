package app.landfall.accounts;

import app.landfall.admin.AdminAccess;
import app.landfall.audit.AuditTrail;
import app.landfall.notifications.Outbox;
import app.landfall.web.ClientAddress;
import app.landfall.web.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntFunction;
import org.jooq.DSLContext;

/**
 * The people who may sign in to a store's admin: signing in and out, forgotten passwords, the
 * team and its invitations (emailed through the outbox), each person's own account, and the owners' store settings. The one writer of {@code merchant_users} and {@code admin_tokens}.
 */
public final class Accounts {
    private final AdminSignIn signIn;
    private final AdminPasswords passwords;
    private final Team team;
    private final AccountPage account;
    private final StoreSettings store;

    public Accounts(DSLContext dsl, Clock clock, Outbox outbox, AdminAccess access, AuditTrail audit, ClientAddress clientAddress,
            IntFunction<String> baseUrl) {
        // five tries an email, then one every two minutes; an address gets more (a shop's staff share one)
        this.signIn = new AdminSignIn(dsl, access, audit, clientAddress,
                new RateLimiter(5, Duration.ofMinutes(2), clock, 100_000),
                new RateLimiter(30, Duration.ofSeconds(10), clock, 100_000), clock);
        this.passwords = new AdminPasswords(dsl, outbox, access, audit, clientAddress, new RateLimiter(5, Duration.ofMinutes(10), clock, 100_000),
                baseUrl, clock);
        this.team = new Team(dsl, outbox, access, audit, clientAddress, baseUrl, clock);
        // wrong current passwords on the account page: five, then one every two minutes, per person (as at sign-in)
        this.account = new AccountPage(dsl, access, audit, clientAddress, new RateLimiter(5, Duration.ofMinutes(2), clock, 100_000), clock);
        this.store = new StoreSettings(dsl, audit, clientAddress, clock);
    }

    public AdminSignIn signIn() {
        return signIn;
    }

    public AdminPasswords passwords() {
        return passwords;
    }

    public Team team() {
        return team;
    }

    public AccountPage account() {
        return account;
    }

    public StoreSettings store() {
        return store;
    }
}
