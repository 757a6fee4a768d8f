package com.alai.cloud.services.bitwarden.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * For {@code bench/secrets-backend.sh}: {@code ClientProbe ACCOUNT_JSON ITEM READS} — a fresh JVM that logs in with
 * the API key, reads ITEM's password (printing the milliseconds from JVM start to that first secret), then syncs READS
 * more times and prints the median and p90 of one sync. Prints timings only, never a value.
 */
public final class ClientProbe {
    private ClientProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        JsonNode account = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        int reads = Integer.parseInt(args[2]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = new FileInputStream(account.path("caFile").asText())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        var ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        var client = new BitwardenClient(Endpoints.of(account.path("url").asText()),
                new Credentials(account.path("email").asText(), account.path("masterPassword").asText(),
                        account.path("clientId").asText(), account.path("clientSecret").asText(), UUID.randomUUID().toString()),
                HttpClient.newBuilder().sslContext(ssl).build(), Clock.systemUTC());
        boolean found = client.sync().stream().anyMatch(i -> i.name().equals(args[1]) && i.field("password").isPresent());
        long first = System.currentTimeMillis() - jvmStart;
        double[] times = new double[reads];
        for (int i = 0; i < reads; i++) {
            long t = System.nanoTime();
            client.sync();
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf("java first_secret_ms=%d found=%s sync_p50_ms=%.1f sync_p90_ms=%.1f%n", first, found,
                times[reads / 2], times[(int) (reads * 0.9)]);
    }
}
