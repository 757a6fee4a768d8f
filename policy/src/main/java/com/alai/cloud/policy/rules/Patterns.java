package com.alai.cloud.policy.rules;

import java.util.Set;
import java.util.regex.Pattern;

/** What a secret looks like, by name and by value. */
final class Patterns {
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|shared[_-]?key"
                    + "|account[_-]?key|connection[_-]?string|conn[_-]?str|credential|sas).*");
    static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?s).*(AccountKey=|SharedAccessSignature=|[?&]sig=|-----BEGIN [A-Z ]*PRIVATE KEY|ghp_[A-Za-z0-9]{20,}"
                    + "|github_pat_[A-Za-z0-9_]{20,}|sk-ant-[A-Za-z0-9_-]{10,}|xox[bp]-[A-Za-z0-9-]{10,}"
                    + "|eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}|(?i:password)=[^;&\\s]+).*");
    /** Input keys whose names mention secrets but hold references, switches or ids, never values. */
    static final Set<String> SAFE_KEYS = Set.of("secretRef", "passwordSecretRef", "keyVaultUrl", "allowSharedKeyAccess",
            "passwordAuth", "secrets", "secretName", "enableSoftDelete", "enablePurgeProtection", "tokenStore",
            "sasExpirationPeriod");

    private Patterns() {
    }

    static boolean secretName(String name) {
        return name != null && !SAFE_KEYS.contains(name) && SECRET_NAME.matcher(name).matches();
    }

    static boolean credentialValue(String value) {
        return value != null && CREDENTIAL_VALUE.matcher(value).matches();
    }
}
