package com.alai.cloud.services.secrets.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The audit trail in PostgreSQL: caller, roles, the item as {@code hmac-sha256:HEX} under the audit key (Vault's
 * audit-device convention), field, time, and allowed or denied with the reason. Written before the answer leaves.
 */
public final class AuditLog {
    public enum Decision { allowed, denied }

    private final DataSource db;
    private final byte[] key;

    public AuditLog(DataSource db, byte[] key) {
        this.db = db;
        this.key = key.clone();
    }

    public void record(String caller, Collection<String> roles, String item, String field, Decision decision, String reason)
            throws SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "INSERT INTO secret_access (caller, roles, item_hmac, field, decision, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, caller);
            s.setArray(2, c.createArrayOf("text", roles.stream().sorted().toArray()));
            s.setString(3, hmac(item));
            s.setString(4, field);
            s.setString(5, decision.name());
            s.setString(6, reason);
            s.executeUpdate();
        }
    }

    /** How an item name appears in the audit table: search for an item by hashing its name with this. */
    public String hmac(String item) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(item.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
