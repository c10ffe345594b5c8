package app.landfall.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a store's outgoing email with its DKIM key (rsa-sha256, relaxed/relaxed) when the store has
 * one and the sender address is on its domain. A key that cannot be opened (LANDFALL_SECRET_KEY unset
 * or changed) leaves the message unsigned, as before the store set one up, and says so in the log and
 * on the settings page: a misconfigured key never stops the store's mail.
 */
final class DkimSigning {
    private static final Logger LOG = LoggerFactory.getLogger(DkimSigning.class);

    private final DSLContext dsl;
    private final Optional<DkimKeys> keys;
    private final String from;

    DkimSigning(DSLContext dsl, Optional<DkimKeys> keys, String from) {
        this.dsl = dsl;
        this.keys = keys;
        this.from = from;
    }

    /** A store's signing domain, read at most every 5 s (a wave of emails reads it once). */
    private final KeptFor<Long, Optional<SendingDomains.Domain>> domains = new KeptFor<>(java.time.Duration.ofSeconds(5));

    /** Forgets what it read of the store's signing domain (its key was just made or removed here). */
    void forget(long merchantId) {
        domains.forget(merchantId);
    }

    /** The message to send: signed as it will be written when the store signs, else the message itself. */
    MimeMessage sign(long merchantId, MimeMessage message) throws MessagingException {
        Optional<SendingDomains.Domain> domain = domains.get(merchantId, m -> SendingDomains.of(dsl, m));
        if (domain.isEmpty() || !SendingDomains.aligned(from, domain.get().domain())) {
            return message;
        }
        if (keys.isEmpty()) {
            LOG.warn("store {} has a DKIM key but LANDFALL_SECRET_KEY is not set: its email goes out unsigned", merchantId);
            return message;
        }
        try {
            DkimSigner signer = new DkimSigner(domain.get().domain(), domain.get().selector(),
                    keys.get().open(merchantId, domain.get().privateKeyEncrypted()));
            signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setCheckDomainKey(false); // the DNS record is the store's to publish; we sign either way
            return new DkimMessage(message, signer);
        } catch (GeneralSecurityException | DkimException e) {
            LOG.warn("store {}: its DKIM key cannot be opened with this LANDFALL_SECRET_KEY ({}); its email goes out unsigned",
                    merchantId, e.getClass().getSimpleName());
            return message;
        }
    }
}
