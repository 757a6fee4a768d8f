package com.alai.cloud.services.bitwarden.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.bitwarden.crypto.Kdf;
import com.alai.cloud.services.bitwarden.fixture.BitwardenFixture;
import com.alai.cloud.services.bitwarden.fixture.FixtureAccount;
import com.alai.cloud.services.bitwarden.fixture.FixtureItem;
import com.alai.cloud.services.bitwarden.fixture.FixtureTls;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Java client against the contract fixture (whose fidelity BwCliFidelityTest proves with the real CLI). */
class BitwardenClientTest {

    static final class StepClock extends Clock {
        Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static BitwardenClient client(BitwardenFixture fixture, Credentials credentials, Clock clock) {
        var http = HttpClient.newBuilder().sslContext(fixture.tls().clientContext()).connectTimeout(Duration.ofSeconds(5)).build();
        return new BitwardenClient(Endpoints.of(fixture.url()), credentials, http, clock);
    }

    static Credentials password(FixtureAccount account) {
        return new Credentials(account.email(), account.masterPassword(), null, null, UUID.randomUUID().toString());
    }

    @Test
    void thePasswordLoginReadsEveryFieldOfEveryItemWithAndWithoutItemKeys() throws Exception {
        var account = new FixtureAccount("agent@alai.test", Kdf.pbkdf2(5_000));
        try (var fixture = BitwardenFixture.start(account)
                .add(FixtureItem.login("github-token", "bot", "ghp-1").withField("api-key", "k-1").withNotes("n").withItemKey())
                .add(FixtureItem.login("postgres-admin", "admin", "pg-1"))) {
            var items = client(fixture, password(account), Clock.systemUTC()).sync();

            assertThat(items).extracting(VaultItem::name).containsExactlyInAnyOrder("github-token", "postgres-admin");
            VaultItem github = items.stream().filter(i -> i.name().equals("github-token")).findFirst().orElseThrow();
            assertThat(github.fields()).containsEntry("username", "bot").containsEntry("password", "ghp-1")
                    .containsEntry("api-key", "k-1").containsEntry("notes", "n");
            assertThat(github.toString()).doesNotContain("ghp-1");
        }
    }

    @Test
    void theApiKeyLoginOpensAnArgon2idVault() throws Exception {
        var account = new FixtureAccount("ops@alai.test", Kdf.argon2id(2, 16, 1));
        try (var fixture = BitwardenFixture.start(account).add(FixtureItem.login("together", "u", "tg-1"))) {
            var credentials = new Credentials(account.email(), account.masterPassword(), account.clientId(),
                    account.clientSecret(), UUID.randomUUID().toString());
            assertThat(client(fixture, credentials, Clock.systemUTC()).sync()).singleElement()
                    .satisfies(item -> assertThat(item.field("password")).contains("tg-1"));
            assertThat(fixture.requests()).contains("POST /identity/connect/token");
        }
    }

    @Test
    void aWrongMasterPasswordIsRefusedNotRetried() throws Exception {
        var account = new FixtureAccount("agent@alai.test", Kdf.pbkdf2(5_000));
        try (var fixture = BitwardenFixture.start(account)) {
            var wrong = new Credentials(account.email(), "not-it", null, null, "d");
            assertThatThrownBy(() -> client(fixture, wrong, Clock.systemUTC()).sync())
                    .isInstanceOf(BitwardenException.Refused.class).hasMessageContaining("refused the login")
                    .hasMessageNotContaining("not-it");
        }
    }

    @Test
    void aRightApiKeyWithAWrongMasterPasswordCannotOpenTheVault() throws Exception {
        var account = new FixtureAccount("agent@alai.test", Kdf.pbkdf2(5_000));
        try (var fixture = BitwardenFixture.start(account).add(FixtureItem.login("a", "u", "p"))) {
            var wrong = new Credentials(account.email(), "not-it", account.clientId(), account.clientSecret(), "d");
            assertThatThrownBy(() -> client(fixture, wrong, Clock.systemUTC()).sync())
                    .isInstanceOf(BitwardenException.Refused.class).hasMessageContaining("does not open");
        }
    }

    @Test
    void anOutageAndAClosedServerAreUnavailableNotRefused() throws Exception {
        var account = new FixtureAccount("agent@alai.test", Kdf.pbkdf2(5_000));
        var fixture = BitwardenFixture.start(account);
        var client = client(fixture, password(account), Clock.systemUTC());
        fixture.outage(true);
        assertThatThrownBy(client::sync).isInstanceOf(BitwardenException.Unavailable.class).hasMessageContaining("503");
        fixture.close();
        assertThatThrownBy(client::sync).isInstanceOf(BitwardenException.Unavailable.class).hasMessageContaining("did not answer");
    }

    @Test
    void anExpiredAccessTokenIsReplacedByANewLogin() throws Exception {
        var account = new FixtureAccount("agent@alai.test", Kdf.pbkdf2(5_000));
        var clock = new StepClock();
        try (var fixture = BitwardenFixture.start(account, FixtureTls.generate(), 0, clock, 600)
                .add(FixtureItem.login("a", "u", "p"))) {
            var client = client(fixture, password(account), clock);
            client.sync();
            clock.now = clock.now.plus(Duration.ofMinutes(11));
            assertThat(client.sync()).hasSize(1);
            assertThat(fixture.requests()).filteredOn("POST /identity/connect/token"::equals).hasSize(2);
            assertThat(fixture.requests()).filteredOn(r -> r.contains("prelogin")).hasSize(1);
        }
    }

    @Test
    void endpointsFollowBitwardenCloudAndRefusePlainHttp() {
        assertThat(Endpoints.of("https://vault.bitwarden.eu").api()).hasToString("https://api.bitwarden.eu");
        assertThat(Endpoints.of("https://vault.bitwarden.com/").identity()).hasToString("https://identity.bitwarden.com");
        assertThat(Endpoints.of("https://bw.example.test").api()).hasToString("https://bw.example.test/api");
        assertThatThrownBy(() -> Endpoints.of("http://vault.basicconsulting.no")).hasMessageContaining("not https");
    }
}
