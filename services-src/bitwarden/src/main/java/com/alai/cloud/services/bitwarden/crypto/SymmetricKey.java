package com.alai.cloud.services.bitwarden.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key and its HMAC-SHA256 key, as Bitwarden pairs them: a user key is 64 random bytes (encryption then
 * MAC); a master key is stretched into such a pair with HKDF-Expand ("enc", "mac").
 */
public final class SymmetricKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] enc;
    private final byte[] mac;

    private SymmetricKey(byte[] enc, byte[] mac) {
        this.enc = enc;
        this.mac = mac;
    }

    /** A user key as the server stores it (decrypted): 32 bytes of AES key then 32 of MAC key. */
    public static SymmetricKey of(byte[] sixtyFourBytes) {
        if (sixtyFourBytes.length != 64) {
            throw new IllegalArgumentException("a Bitwarden symmetric key is 64 bytes, not " + sixtyFourBytes.length);
        }
        return new SymmetricKey(Arrays.copyOfRange(sixtyFourBytes, 0, 32), Arrays.copyOfRange(sixtyFourBytes, 32, 64));
    }

    public static SymmetricKey random() {
        byte[] key = new byte[64];
        RANDOM.nextBytes(key);
        return of(key);
    }

    /** The master key stretched as every client does before it opens the encrypted user key. */
    public static SymmetricKey stretch(byte[] masterKey) {
        return new SymmetricKey(hkdfExpand(masterKey, "enc"), hkdfExpand(masterKey, "mac"));
    }

    public byte[] bytes() {
        byte[] both = Arrays.copyOf(enc, 64);
        System.arraycopy(mac, 0, both, 32, 32);
        return both;
    }

    byte[] enc() {
        return enc;
    }

    byte[] mac() {
        return mac;
    }

    // One block of HKDF-Expand (RFC 5869) suffices: 32 bytes of output is one SHA-256 block.
    private static byte[] hkdfExpand(byte[] prk, String info) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
            hmac.update(info.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 1);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SymmetricKey[redacted]";
    }
}
