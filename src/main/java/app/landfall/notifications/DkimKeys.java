package app.landfall.notifications;

import app.landfall.config.SecretKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A store's DKIM keys, with the JDK only: an RSA 2048 pair is made here, its public half published by
 * the store in DNS, its private half kept encrypted with AES-256-GCM under LANDFALL_SECRET_KEY: a
 * fresh 12-byte nonce, then the ciphertext and its 16-byte tag. The store's id is the associated
 * data, so a row copied into another store's does not decrypt.
 */
final class DkimKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final SecretKeySpec key;

    DkimKeys(SecretKey secret) {
        this.key = new SecretKeySpec(secret.bytes(), "AES");
    }

    /** A new pair: the public key (X.509 SubjectPublicKeyInfo, base64, as DNS wants it) and the sealed private key. */
    record Sealed(String publicKey, byte[] privateKeyEncrypted) {
    }

    Sealed generate(long merchantId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            return new Sealed(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    seal(merchantId, pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA and AES-GCM are in every JDK", e);
        }
    }

    /** The private key, or an exception when it was sealed under another key or for another store. */
    RSAPrivateKey open(long merchantId, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length <= NONCE + 16) {
            throw new GeneralSecurityException("too short to be a sealed key");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
        cipher.updateAAD(associated(merchantId));
        byte[] der = cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private byte[] seal(long merchantId, byte[] plain) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associated(merchantId));
        byte[] sealed = cipher.doFinal(plain);
        Arrays.fill(plain, (byte) 0);
        return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    }

    private static byte[] associated(long merchantId) {
        return ("landfall dkim key of store " + merchantId).getBytes(StandardCharsets.UTF_8);
    }

    /** The TXT record's name, {@code <selector>._domainkey.<domain>}. */
    static String recordName(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record's value. */
    static String recordValue(String publicKey) {
        return "v=DKIM1; k=rsa; p=" + publicKey;
    }
}
