package com.alai.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.client.http.Json;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.hivemind.HiveMindApi;
import com.alai.cloud.services.hivemind.HiveMindConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alai hive` against the real hivemind-api on embedded PostgreSQL. */
class HiveTest {
    static HiveMindApi hivemind;

    @TempDir
    Path home;
    Alai alai;

    @BeforeAll
    static void start() throws Exception {
        var pg = Cloud.INSTANCE.postgres;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hivemind");
        }
        hivemind = HiveMindApi.start(HiveMindConfig.from(new Env(Map.of("PORT", "0",
                "DATABASE_URL", "postgres://postgres:@localhost:" + pg.getPort() + "/hivemind",
                "OIDC_ISSUER", Cloud.INSTANCE.issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", Cloud.AUDIENCE,
                "HIVEMIND_REPLICA", "alai-test"))));
    }

    @AfterAll
    static void stop() {
        hivemind.close();
    }

    @BeforeEach
    void setUp() {
        alai = new Alai(home);
        alai.env.put("ALAI_HIVE_URL", "http://127.0.0.1:" + hivemind.port());
        alai.env.put("ALAI_TOKEN", Cloud.INSTANCE.serviceToken());
    }

    @Test
    void publishedMessagesArriveInOrderAtASubscriber() {
        assertThat(alai.run("hive", "topics", "--create", "cli.events").exit()).isZero();
        Alai.Run first = alai.run("hive", "pub", "cli.events", "{\"n\":1}", "--json");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Json.tree(first.out()).get("offset").asLong()).isEqualTo(1);
        assertThat(alai.run("hive", "pub", "cli.events", "--text", "two", "--header", "source=test").out()).contains("offset 2");
        Alai.Run sub = alai.run("hive", "sub", "cli.events", "--after", "0", "--count", "2", "--json");
        assertThat(sub.exit()).as(sub.err()).isZero();
        var lines = sub.out().lines().map(Json::tree).toList();
        assertThat(lines).extracting(m -> m.get("offset").asLong()).containsExactly(1L, 2L);
        assertThat(lines.get(0).get("payload").get("n").asInt()).isEqualTo(1);
        assertThat(lines.get(1).get("payload").asText()).isEqualTo("two");
        assertThat(lines.get(1).get("producer").asText()).isEqualTo("ci-bot");
    }

    @Test
    void topicsListsWhatExists() {
        alai.run("hive", "topics", "--create", "cli.listed");
        JsonNode topics = Json.tree(alai.run("hive", "topics", "--json").out());
        assertThat(topics.get("topics").findValuesAsText("name")).contains("cli.listed");
        assertThat(alai.run("hive", "topics").out()).contains("TOPIC", "cli.listed");
    }

    @Test
    void anIdempotencyKeyPublishesOnce() {
        alai.run("hive", "topics", "--create", "cli.once");
        assertThat(alai.run("hive", "pub", "cli.once", "1", "--key", "k-1").out()).contains("offset 1");
        assertThat(alai.run("hive", "pub", "cli.once", "1", "--key", "k-1").out()).contains("offset 1", "already published");
    }

    @Test
    void aPayloadThatIsNotJsonIsAUsageError() {
        Alai.Run run = alai.run("hive", "pub", "cli.events", "not json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--text");
    }

    @Test
    void subscribingToATopicThatDoesNotExistExitsWith3() {
        Alai.Run run = alai.run("hive", "sub", "no.such.topic", "--count", "1");
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
    }

    @Test
    void withoutAHiveUrlTheErrorSaysWhatToSet() {
        alai.env.remove("ALAI_HIVE_URL");
        Alai.Run run = alai.run("hive", "topics");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ALAI_HIVE_URL");
    }
}
