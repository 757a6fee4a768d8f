package com.alai.cloud.services.hivemind.ws;

import com.alai.cloud.services.common.http.ApiException;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.access.SubscribeGate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One subscriber's WebSocket: the upgrade is admitted by the {@link SubscribeGate} (a refusal falls through to the
 * HTTP route, which answers with the same check as problem+json), then the client may only send acks:
 * {"type":"ack","offset":N}.
 */
final class SubscribeEndpoint implements WsListener {
    private static final int MAX_FRAME_CHARS = 256;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SubscribeGate gate;
    private final Subscriptions subscriptions;
    private final JsonLog log;
    private final StringBuilder partial = new StringBuilder();
    private SubscribeGate.Admission admission;
    private Subscription subscription;

    SubscribeEndpoint(SubscribeGate gate, Subscriptions subscriptions, JsonLog log) {
        this.gate = gate;
        this.subscriptions = subscriptions;
        this.log = log;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String authorization = headers.first(HeaderNames.AUTHORIZATION).orElse(null);
        try {
            admission = gate.admit(prologue.uriPath().rawPath(), prologue.query().rawValue(), authorization);
            return Optional.empty();
        } catch (ApiException e) {
            throw new WsUpgradeException(e.getMessage());
        } catch (Exception e) {
            throw new WsUpgradeException("cannot check the subscription", e);
        }
    }

    @Override
    public void onOpen(WsSession session) {
        var hello = new LinkedHashMap<String, Object>();
        hello.put("type", "subscribed");
        hello.put("topic", admission.topic().name());
        hello.put("after", admission.after());
        hello.put("group", admission.group());
        hello.put("firstOffset", admission.topic().firstOffset());
        log.info("subscribed", Map.of("topic", admission.topic().name(), "after", admission.after(),
                "subject", admission.caller().subject()));
        subscription = subscriptions.open(admission, session, text(hello));
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (partial.length() + text.length() > MAX_FRAME_CHARS) {
            subscription.close(CloseCodes.TOO_BIG, "frames are acks of at most " + MAX_FRAME_CHARS + " characters");
            return;
        }
        partial.append(text);
        if (!last) {
            return;
        }
        String frame = partial.toString();
        partial.setLength(0);
        Long offset = ackOffset(frame);
        if (offset == null) {
            subscription.close(CloseCodes.BAD_FRAME, "expected {\"type\":\"ack\",\"offset\":N}");
        } else {
            subscription.ack(offset);
        }
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        subscription.close(CloseCodes.UNSUPPORTED_DATA, "binary frames are not part of the protocol; send JSON text");
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        if (subscription != null) {
            subscription.ended();
        }
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        if (subscription != null) {
            subscription.ended();
        }
    }

    static Long ackOffset(String frame) {
        try {
            JsonNode node = JSON.readTree(frame);
            if (node != null && node.isObject() && node.size() == 2 && "ack".equals(node.path("type").asText(null))
                    && node.path("offset").isIntegralNumber() && node.get("offset").canConvertToLong()
                    && node.get("offset").asLong() >= 0) {
                return node.get("offset").asLong();
            }
        } catch (java.io.IOException malformed) {
            // Falls through to a close with a reason.
        }
        return null;
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
