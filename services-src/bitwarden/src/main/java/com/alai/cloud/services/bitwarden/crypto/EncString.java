package com.alai.cloud.services.bitwarden.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bitwarden's encrypted string, type 2 — {@code 2.IV|CIPHERTEXT|MAC} in base64: AES-256-CBC with PKCS#7 padding, and
 * HMAC-SHA256 over IV then ciphertext, checked (in constant time) before anything is decrypted. The only type the
 * vault's own data uses; the other types are RSA and are refused.
 */
public final class EncString {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EncString() {
    }

    public static String encrypt(byte[] plain, SymmetricKey key) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.enc(), "AES"), new IvParameterSpec(iv));
            byte[] data = cipher.doFinal(plain);
            var b64 = Base64.getEncoder();
            return "2." + b64.encodeToString(iv) + "|" + b64.encodeToString(data) + "|" + b64.encodeToString(mac(key, iv, data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encrypt(String plain, SymmetricKey key) {
        return encrypt(plain.getBytes(StandardCharsets.UTF_8), key);
    }

    /** @throws CryptoException malformed, another type, a MAC that does not match (wrong key or altered data) */
    public static byte[] decrypt(String encString, SymmetricKey key) {
        if (encString == null || !encString.startsWith("2.")) {
            throw new CryptoException("unsupported encryption type (expected 2: AES-256-CBC + HMAC-SHA256)");
        }
        String[] parts = encString.substring(2).split("\\|", -1);
        if (parts.length != 3) {
            throw new CryptoException("malformed encrypted value (expected IV|data|MAC)");
        }
        byte[] iv;
        byte[] data;
        byte[] mac;
        try {
            var b64 = Base64.getDecoder();
            iv = b64.decode(parts[0]);
            data = b64.decode(parts[1]);
            mac = b64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("malformed encrypted value (not base64)");
        }
        if (iv.length != 16 || !MessageDigest.isEqual(mac(key, iv, data), mac)) {
            throw new CryptoException("the key does not open this value (or it was altered)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.enc(), "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the value could not be decrypted");
        }
    }

    public static String decryptString(String encString, SymmetricKey key) {
        return new String(decrypt(encString, key), StandardCharsets.UTF_8);
    }

    private static byte[] mac(SymmetricKey key, byte[] iv, byte[] data) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.mac(), "HmacSHA256"));
            hmac.update(iv);
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
