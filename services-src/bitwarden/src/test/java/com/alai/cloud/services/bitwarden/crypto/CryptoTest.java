package com.alai.cloud.services.bitwarden.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void anEncStringOpensWithItsKeyOnly() {
        SymmetricKey key = SymmetricKey.random();
        String sealed = EncString.encrypt("s3cret-value", key);

        assertThat(sealed).startsWith("2.").doesNotContain("s3cret");
        assertThat(EncString.decryptString(sealed, key)).isEqualTo("s3cret-value");
        assertThatThrownBy(() -> EncString.decrypt(sealed, SymmetricKey.random()))
                .isInstanceOf(CryptoException.class).hasMessageContaining("does not open");
    }

    @Test
    void anAlteredCiphertextIsRefusedBeforeDecryption() {
        SymmetricKey key = SymmetricKey.random();
        String[] parts = EncString.encrypt("value", key).substring(2).split("\\|");
        String altered = "2." + parts[0] + "|" + parts[1].substring(0, parts[1].length() - 4) + "AAA=|" + parts[2];

        assertThatThrownBy(() -> EncString.decrypt(altered, key)).isInstanceOf(CryptoException.class);
    }

    @Test
    void malformedAndForeignEncStringsAreRefusedWithoutEcho() {
        SymmetricKey key = SymmetricKey.random();
        for (String bad : new String[] {null, "", "0.abc|def", "4.rsa-oaep", "2.onlyone", "2.!!|!!|!!", "2.a|b|c|d"}) {
            assertThatThrownBy(() -> EncString.decrypt(bad, key)).isInstanceOf(CryptoException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("!!"));
        }
    }

    @Test
    void theUserKeyWrappedWithTheStretchedMasterKeyOpensWithTheSamePasswordAndEmail() {
        Kdf kdf = Kdf.pbkdf2(5_000);
        SymmetricKey userKey = SymmetricKey.random();
        String wrapped = EncString.encrypt(userKey.bytes(), SymmetricKey.stretch(kdf.masterKey("pw", "A@b.test")));

        byte[] opened = EncString.decrypt(wrapped, SymmetricKey.stretch(kdf.masterKey("pw", " a@B.TEST ")));
        assertThat(opened).isEqualTo(userKey.bytes());
        assertThatThrownBy(() -> EncString.decrypt(wrapped, SymmetricKey.stretch(kdf.masterKey("pw!", "a@b.test"))))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void argon2idAndPbkdf2GiveDifferentDeterministicMasterKeys() {
        Kdf argon = Kdf.argon2id(2, 16, 1);
        assertThat(argon.masterKey("pw", "a@b.test")).hasSize(32).isEqualTo(argon.masterKey("pw", "a@b.test"))
                .isNotEqualTo(Kdf.pbkdf2(5_000).masterKey("pw", "a@b.test"));
    }

    @Test
    void theMasterPasswordHashIsNotTheMasterKey() {
        byte[] masterKey = Kdf.pbkdf2(5_000).masterKey("pw", "a@b.test");
        assertThat(Kdf.masterPasswordHash(masterKey, "pw")).hasSize(44)
                .isNotEqualTo(java.util.Base64.getEncoder().encodeToString(masterKey));
    }

    @Test
    void settingsWeakerThanTheOfficialClientsAcceptAreRefusedAsADowngrade() {
        assertThatThrownBy(() -> Kdf.pbkdf2(4_999)).hasMessageContaining("downgrade");
        assertThatThrownBy(() -> Kdf.argon2id(1, 64, 4)).hasMessageContaining("Argon2id");
        assertThatThrownBy(() -> Kdf.argon2id(3, 8, 4)).hasMessageContaining("Argon2id");
        assertThatThrownBy(() -> Kdf.of(7, 600_000, null, null)).hasMessageContaining("unknown");
    }

    @Test
    void aKeyNeverPrintsItsBytes() {
        assertThat(SymmetricKey.random().toString()).isEqualTo("SymmetricKey[redacted]");
    }
}
