package com.alai.cloud.services.hivemind.rest;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.hivemind.access.Access;
import com.alai.cloud.services.hivemind.access.SubscribeGate;
import com.alai.cloud.services.hivemind.codec.Bodies;
import com.alai.cloud.services.hivemind.codec.MessageJson;
import com.alai.cloud.services.hivemind.codec.Names;
import com.alai.cloud.services.hivemind.model.Message;
import com.alai.cloud.services.hivemind.model.NewMessage;
import com.alai.cloud.services.hivemind.model.Published;
import com.alai.cloud.services.hivemind.model.Topic;
import com.alai.cloud.services.hivemind.store.GroupStore;
import com.alai.cloud.services.hivemind.store.MessageStore;
import com.alai.cloud.services.hivemind.store.TopicStore;
import java.util.List;
import java.util.Map;

/** The REST face of HiveMind: topics (create, read, delete), publish (idempotent), replay, groups, /openapi.json. */
public final class TopicRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private final TopicStore topics;
    private final MessageStore messages;
    private final GroupStore groups;
    private final Access access;
    private final SubscribeGate gate;
    private final int maxPayloadBytes;

    public TopicRoutes(TopicStore topics, MessageStore messages, GroupStore groups, Access access, SubscribeGate gate,
                       int maxPayloadBytes) {
        this.topics = topics;
        this.messages = messages;
        this.groups = groups;
        this.access = access;
        this.gate = gate;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public Routes routes() {
        return new Routes()
                .post("/topics", this::create)
                .get("/topics", r -> Render.json(200, Map.of("topics", topics.list())))
                .get("/topics/{topic}", r -> Render.json(200, topics.require(r.pathParam("topic"))))
                .delete("/topics/{topic}", this::delete)
                .post("/topics/{topic}/messages", this::publish)
                .get("/topics/{topic}/messages", this::replay)
                .get("/topics/{topic}/groups", this::listGroups)
                .get("/topics/{topic}/groups/{group}", this::group)
                .put("/topics/{topic}/groups/{group}", this::commit)
                .get(SubscribeGate.TEMPLATE, this::notUpgraded);
    }

    private Response create(Request request) throws Exception {
        request.requirePrincipal();
        Topic topic = topics.create(Bodies.newTopic(request));
        return Render.json(201, topic, Map.of("Location", "/topics/" + topic.name()));
    }

    // Whoever may publish to a topic may delete it: the producers own it.
    private Response delete(Request request) throws Exception {
        String topic = access.toPublish(request.pathParam("topic"), request.requirePrincipal());
        topics.delete(topic);
        access.forget(topic);
        return new Response(204, "application/json", new byte[0], Map.of());
    }

    private Response publish(Request request) throws Exception {
        var caller = request.requirePrincipal();
        String topic = access.toPublish(request.pathParam("topic"), caller);
        NewMessage message = Bodies.newMessage(request, caller.subject(), maxPayloadBytes);
        Published published = messages.publish(topic, message);
        byte[] body = Json.bytes(published);
        return published.replayed()
                ? new Response(200, "application/json", body, Map.of("Idempotent-Replayed", "true"))
                : new Response(201, "application/json", body, Map.of());
    }

    private Response replay(Request request) throws Exception {
        Topic topic = access.toSubscribe(request.pathParam("topic"), request.requirePrincipal());
        long after = Access.offset("after", request.param("after").orElse("0"), topic);
        int limit = limit(request.param("limit").orElse(String.valueOf(DEFAULT_LIMIT)));
        List<Message> page = messages.read(topic.name(), after, limit);
        return Response.raw(200, "application/json", MessageJson.page(topic.name(), page, after));
    }

    private Response listGroups(Request request) throws Exception {
        Topic topic = access.toSubscribe(request.pathParam("topic"), request.requirePrincipal());
        return Render.json(200, Map.of("groups", groups.list(topic.name())));
    }

    private Response group(Request request) throws Exception {
        Topic topic = access.toSubscribe(request.pathParam("topic"), request.requirePrincipal());
        String name = groupName(request);
        return Render.json(200, groups.find(topic.name(), name)
                .orElseThrow(() -> ApiException.notFound("group " + name + " has committed nothing on " + topic.name())));
    }

    private Response commit(Request request) throws Exception {
        Topic topic = access.toSubscribe(request.pathParam("topic"), request.requirePrincipal());
        String name = groupName(request);
        var commit = Bodies.commit(request);
        Access.offset("offset", String.valueOf(commit.getKey()), topic);
        return Render.json(200, groups.commit(topic.name(), name, commit.getKey(), commit.getValue()));
    }

    // A subscribe that reached plain HTTP was either refused during the upgrade or never asked for one.
    private Response notUpgraded(Request request) throws Exception {
        gate.admit(request.path(), rawQuery(request), request.header("Authorization").orElse(null));
        throw ApiException.upgradeRequired("subscribe over WebSocket (Upgrade: websocket)");
    }

    private static String rawQuery(Request request) {
        var parts = new StringBuilder();
        request.query().forEach((k, vs) -> vs.forEach(v -> parts.append(parts.isEmpty() ? "" : "&")
                .append(encode(k)).append('=').append(encode(v))));
        return parts.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String groupName(Request request) {
        String name = request.pathParam("group");
        if (!Names.GROUP.matcher(name).matches()) {
            throw ApiException.badRequest("group must be 1-128 of A-Z a-z 0-9 . _ - and start with a letter or digit");
        }
        return name;
    }

    private static int limit(String value) {
        if (!value.matches("\\d{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value);
    }
}
