package com.alai.cloud.services.bitwarden.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An account's key-derivation settings, as the server's prelogin answers them, and the two derivations every
 * Bitwarden client does with them: the master key from the master password (salted with the e-mail address), and
 * the master password hash the server authenticates. Both are computed on the client; the password never leaves it.
 */
public record Kdf(Type type, int iterations, int memoryMiB, int parallelism) {

    /** Bitwarden's numbering: {@code Kdf} 0 and 1 in prelogin and token answers. */
    public enum Type { PBKDF2_SHA256, ARGON2ID }

    /**
     * Refuses settings weaker than the official clients accept at prelogin, since a hostile server could otherwise
     * downgrade the work factor and make the hash it receives cheap to attack.
     */
    public Kdf {
        if (type == null) {
            throw new IllegalArgumentException("kdf type is required (0 PBKDF2-SHA256 or 1 Argon2id)");
        }
        if (type == Type.PBKDF2_SHA256 && iterations < 5_000) {
            throw new IllegalArgumentException("PBKDF2 iterations " + iterations + " < 5000: refused as a downgrade");
        }
        if (type == Type.ARGON2ID && (iterations < 2 || memoryMiB < 16 || memoryMiB > 1024
                || parallelism < 1 || parallelism > 16)) {
            throw new IllegalArgumentException("Argon2id settings out of range (iterations >= 2, memory 16..1024 MiB,"
                    + " parallelism 1..16): " + iterations + "/" + memoryMiB + "/" + parallelism);
        }
    }

    public static Kdf pbkdf2(int iterations) {
        return new Kdf(Type.PBKDF2_SHA256, iterations, 0, 0);
    }

    public static Kdf argon2id(int iterations, int memoryMiB, int parallelism) {
        return new Kdf(Type.ARGON2ID, iterations, memoryMiB, parallelism);
    }

    /** From the wire: {@code kdf} number, iterations, and (Argon2id only) memory and parallelism. */
    public static Kdf of(int type, int iterations, Integer memoryMiB, Integer parallelism) {
        return switch (type) {
            case 0 -> pbkdf2(iterations);
            case 1 -> argon2id(iterations, memoryMiB == null ? 0 : memoryMiB, parallelism == null ? 0 : parallelism);
            default -> throw new IllegalArgumentException("kdf type " + type + " is unknown (0 PBKDF2-SHA256, 1 Argon2id)");
        };
    }

    public int wireType() {
        return type.ordinal();
    }

    /** The 32-byte master key: the e-mail (trimmed, lower case) is the salt, hashed first for Argon2id. */
    public byte[] masterKey(String password, String email) {
        return derive(password, email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-byte key from a password and a salt as given (an export's own salt; the master key uses the e-mail). */
    public byte[] derive(String password, byte[] salt) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        return switch (type) {
            case PBKDF2_SHA256 -> jdkPbkdf2(password, salt, iterations);
            case ARGON2ID -> {
                var generator = new Argon2BytesGenerator();
                generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(sha256(salt)).withIterations(iterations)
                        .withMemoryAsKB(memoryMiB * 1024).withParallelism(parallelism).build());
                byte[] key = new byte[32];
                generator.generateBytes(secret, key);
                yield key;
            }
        };
    }

    /** What the client sends as {@code password} in the token request: PBKDF2(master key, password, 1), base64. */
    public static String masterPasswordHash(byte[] masterKey, String password) {
        return Base64.getEncoder().encodeToString(pbkdf2(masterKey, password.getBytes(StandardCharsets.UTF_8), 1));
    }

    // The JDK's for the many-iteration derivation: its HMAC-SHA256 is intrinsified, Bouncy Castle's is plain Java
    // (15 s against under 1 s for 600,000 iterations at C1 on a loaded machine). Its char[] is encoded as UTF-8.
    private static byte[] jdkPbkdf2(String password, byte[] salt, int rounds) {
        try {
            var spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, rounds, 256);
            return javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // Bouncy Castle's generator, not the JDK's: the JDK takes the password as char[], and a master key is bytes.
    private static byte[] pbkdf2(byte[] secret, byte[] salt, int rounds) {
        var generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(secret, salt, rounds);
        return ((KeyParameter) generator.generateDerivedMacParameters(256)).getKey();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
