package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DELETE /topics/{topic}: for operators and tests; every replica forgets the topic and closes its subscribers. */
class TopicDeleteTest {
    private final Fixture f = Fixture.INSTANCE;

    private HttpResponse<String> delete(HiveMindApi replica, String topic, String token) throws Exception {
        return f.send(HttpRequest.newBuilder(java.net.URI.create(Fixture.url(replica, "/topics/" + topic)))
                .header("Authorization", "Bearer " + token).DELETE());
    }

    @Test
    void aDeletedTopicTakesItsMessagesAndGroupsWithIt() throws Exception {
        String topic = f.topic();
        f.publish(f.a, topic, "{}");
        f.execute("INSERT INTO consumer_groups (topic, name, committed_offset) VALUES ('" + topic + "', 'g', 1)");
        assertEquals(204, delete(f.b, topic, f.token()).statusCode());
        assertEquals(404, f.send(f.authed(f.a, "/topics/" + topic)).statusCode());
        assertEquals(0, f.count("SELECT count(*) FROM messages WHERE topic = '" + topic + "'")
                + f.count("SELECT count(*) FROM consumer_groups WHERE topic = '" + topic + "'"));
    }

    @Test
    void deletingATopicClosesItsSubscribersOnEveryReplicaWith4404() throws Exception {
        String topic = f.topic();
        try (var onA = WsClient.connect(Fixture.ws(f.a, "/topics/" + topic + "/subscribe"), f.token());
             var onB = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe"), f.token())) {
            onA.next();
            onB.next();
            assertEquals(204, delete(f.a, topic, f.token()).statusCode());
            assertEquals(List.of(4404, 4404), List.of(onA.closeCode(), onB.closeCode()));
        }
    }

    @Test
    void aTopicCreatedAgainWithAnAclIsEnforcedByAReplicaThatKnewItOpen() throws Exception {
        String topic = f.topic();
        f.publish(f.b, topic, "{}"); // replica B now remembers the topic as open to every publisher
        try (var onB = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe"), f.token())) {
            onB.next();
            assertEquals(204, delete(f.a, topic, f.token()).statusCode());
            assertEquals(4404, onB.closeCode()); // B has heard of the deletion
        }
        assertEquals(201, f.postJson(f.a, "/topics", "{\"name\":\"" + topic
                + "\",\"publishers\":{\"claim\":\"roles\",\"values\":[\"admin\"]}}").statusCode());
        assertEquals(403, f.postJson(f.b, "/topics/" + topic + "/messages", "{\"payload\":1}").statusCode());
    }

    @Test
    void onlyACallerWhoMayPublishMayDelete() throws Exception {
        String topic = f.topic(",\"publishers\":{\"claim\":\"roles\",\"values\":[\"admin\"]}");
        assertEquals(403, delete(f.a, topic, f.token()).statusCode());
        assertEquals(204, delete(f.a, topic, f.token("root", Map.of("roles", "admin"))).statusCode());
    }

    @Test
    void deletingATopicThatDoesNotExistIsA404() throws Exception {
        assertEquals(404, delete(f.a, "never-was", f.token()).statusCode());
    }
}
