package com.alai.cloud.services.secrets;

import com.alai.cloud.services.common.config.ConfigError;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust for Bitwarden: the JDK's roots, or only the CA in {@code BITWARDEN_CA_FILE} (a local fixture). */
final class TrustedCa {
    private TrustedCa() {
    }

    static SSLContext context(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile.get())) {
                int i = 0;
                for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca-" + i++, cert);
                }
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new ConfigError("BITWARDEN_CA_FILE", "cannot be read as PEM certificates (" + e.getClass().getSimpleName() + ")");
        }
    }
}
