package com.alai.cloud.components.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a password-protected Bitwarden export (`bw export --format encrypted_json --password …`) offline: the key is
 * PBKDF2-SHA256(password, salt, iterations), stretched with HKDF-Expand into an AES key and a MAC key; `data` is an
 * EncString of type 2 (AES-256-CBC, HMAC-SHA256 over IV and ciphertext). Only item names ever leave this class.
 */
public final class EncryptedExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an export holds, by name only. */
    public record Contents(int items, List<String> names, int folders) {
    }

    private EncryptedExport() {
    }

    public static Contents open(String exportJson, char[] password) {
        JsonNode root;
        try {
            root = JSON.readTree(exportJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Bitwarden export: the file is not JSON");
        }
        if (!root.path("encrypted").asBoolean() || !root.path("passwordProtected").asBoolean()) {
            throw new IllegalArgumentException("not a password-protected export (bw export --format encrypted_json --password …)");
        }
        if (root.path("kdfType").asInt(-1) != 0) {
            throw new IllegalArgumentException("kdfType " + root.path("kdfType").asInt(-1) + " is not supported (PBKDF2 = 0 only)");
        }
        int iterations = root.path("kdfIterations").asInt();
        if (iterations < 5_000 || iterations > 10_000_000) {
            throw new IllegalArgumentException("kdfIterations " + iterations + " is outside 5,000..10,000,000");
        }
        byte[][] keys = keys(password, root.path("salt").asText(), iterations);
        if (root.hasNonNull("encKeyValidation_DO_NOT_EDIT")) {
            decrypt(root.path("encKeyValidation_DO_NOT_EDIT").asText(), keys);
        }
        String plain = new String(decrypt(root.path("data").asText(), keys), StandardCharsets.UTF_8);
        try {
            JsonNode vault = JSON.readTree(plain);
            var names = new ArrayList<String>();
            vault.path("items").forEach(item -> names.add(item.path("name").asText()));
            return new Contents(names.size(), List.copyOf(names), vault.path("folders").size());
        } catch (Exception e) {
            throw new IllegalArgumentException("the export decrypted but does not hold a vault");
        }
    }

    static byte[][] keys(char[] password, String salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password, salt.getBytes(StandardCharsets.UTF_8), iterations, 256);
            byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new byte[][] {hkdfExpand(master, "enc"), hkdfExpand(master, "mac")};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hkdfExpand(byte[] prk, String info) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 1);
        return mac.doFinal();
    }

    static byte[] decrypt(String encString, byte[][] keys) {
        if (encString == null || !encString.startsWith("2.")) {
            throw new IllegalArgumentException("unsupported encryption in the export (expected type 2: AES-CBC-256 + HMAC-SHA256)");
        }
        String[] parts = encString.substring(2).split("\\|");
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed encrypted value in the export");
        }
        try {
            byte[] iv = Base64.getDecoder().decode(parts[0]);
            byte[] data = Base64.getDecoder().decode(parts[1]);
            byte[] mac = Base64.getDecoder().decode(parts[2]);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(keys[1], "HmacSHA256"));
            hmac.update(iv);
            if (!MessageDigest.isEqual(hmac.doFinal(data), mac)) {
                throw new IllegalArgumentException("the password does not open this export (or the file was altered)");
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("the password") ? e
                    : new IllegalArgumentException("malformed encrypted value in the export");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the export could not be decrypted");
        }
    }
}
