package com.alai.cloud.components.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Opening password-protected exports offline. The exports are written here by an independent encoder following
 * Bitwarden's encrypted_json format (PBKDF2-SHA256 → HKDF-Expand enc/mac → AES-256-CBC + HMAC-SHA256).
 */
@SuppressWarnings("unchecked")
class EncryptedExportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String VAULT = "{\"encrypted\":false,\"folders\":[{\"id\":\"f1\",\"name\":\"infra\"}],\"items\":["
            + "{\"name\":\"github-token\",\"login\":{\"password\":\"never-printed-1\"}},"
            + "{\"name\":\"azure-sp\",\"login\":{\"password\":\"never-printed-2\"}},"
            + "{\"name\":\"anthropic-api-key\",\"login\":{\"password\":\"never-printed-3\"}},"
            + "{\"name\":\"ssh-key\",\"notes\":\"-----BEGIN OPENSSH PRIVATE KEY-----\"}]}";

    static String export(String password, String plaintext) throws Exception {
        String salt = "salt-" + System.nanoTime();
        byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 10_000, 256)).getEncoded();
        byte[] enc = expand(master, "enc");
        byte[] mac = expand(master, "mac");
        var root = new LinkedHashMap<String, Object>();
        root.put("encrypted", true);
        root.put("passwordProtected", true);
        root.put("salt", salt);
        root.put("kdfType", 0);
        root.put("kdfIterations", 10_000);
        root.put("encKeyValidation_DO_NOT_EDIT", encString(enc, mac, "validation-" + System.nanoTime()));
        root.put("data", encString(enc, mac, plaintext));
        return JSON.writeValueAsString(root);
    }

    static byte[] expand(byte[] prk, String info) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update((info + "\u0001").getBytes(StandardCharsets.UTF_8));
        return hmac.doFinal();
    }

    static String encString(byte[] enc, byte[] mac, String plaintext) throws Exception {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(enc, "AES"), new IvParameterSpec(iv));
        byte[] ct = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(mac, "HmacSHA256"));
        hmac.update(iv);
        byte[] tag = hmac.doFinal(ct);
        var b64 = Base64.getEncoder();
        return "2." + b64.encodeToString(iv) + "|" + b64.encodeToString(ct) + "|" + b64.encodeToString(tag);
    }

    @Test
    void theRightPasswordListsTheItemNamesAndNothingElse() throws Exception {
        var contents = EncryptedExport.open(export("correct horse", VAULT), "correct horse".toCharArray());
        assertThat(contents.names()).containsExactly("github-token", "azure-sp", "anthropic-api-key", "ssh-key");
        assertThat(contents.folders()).isEqualTo(1);
        assertThat(contents.toString()).doesNotContain("never-printed", "PRIVATE KEY");
    }

    @Test
    void aWrongPasswordIsRefusedClearly() throws Exception {
        String file = export("correct horse", VAULT);
        assertThatThrownBy(() -> EncryptedExport.open(file, "battery staple".toCharArray()))
                .hasMessageContaining("password does not open this export");
    }

    @Test
    void anAlteredFileIsCaughtByTheMac() throws Exception {
        var root = (Map<String, Object>) JSON.readValue(export("pw-123456", VAULT), Map.class);
        String data = (String) root.get("data");
        String[] parts = data.substring(2).split("\\|");
        byte[] ct = Base64.getDecoder().decode(parts[1]);
        ct[0] ^= 1;
        root.put("data", "2." + parts[0] + "|" + Base64.getEncoder().encodeToString(ct) + "|" + parts[2]);
        assertThatThrownBy(() -> EncryptedExport.open(JSON.writeValueAsString(root), "pw-123456".toCharArray()))
                .hasMessageContaining("altered");
    }

    @Test
    void filesThatAreNotProtectedExportsAreRefused() throws Exception {
        assertThatThrownBy(() -> EncryptedExport.open("not json", "x".toCharArray())).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EncryptedExport.open(VAULT, "x".toCharArray())).hasMessageContaining("not a password-protected export");
        var argon = (Map<String, Object>) JSON.readValue(export("pw", VAULT), Map.class);
        argon.put("kdfType", 1);
        assertThatThrownBy(() -> EncryptedExport.open(JSON.writeValueAsString(argon), "pw".toCharArray())).hasMessageContaining("kdfType 1");
        var hostile = (Map<String, Object>) JSON.readValue(export("pw", VAULT), Map.class);
        hostile.put("kdfIterations", Integer.MAX_VALUE);
        assertThatThrownBy(() -> EncryptedExport.open(JSON.writeValueAsString(hostile), "pw".toCharArray())).hasMessageContaining("kdfIterations");
        hostile.put("kdfIterations", 10_000);
        hostile.put("data", "0.garbage");
        assertThatThrownBy(() -> EncryptedExport.open(JSON.writeValueAsString(hostile), "pw".toCharArray())).hasMessageContaining("type 2");
    }

}
