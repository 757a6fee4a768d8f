package com.alai.cloud.services.hivemind.ws;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.hivemind.web.ws.Endpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a subscriber may send once subscribed: acks, {"type":"ack","offset":N}, as whole text messages (the protocol
 * layer has reassembled, size-checked and UTF-8-checked them).
 */
final class SubscribeEndpoint implements Endpoint {
    private static final ObjectMapper JSON = Json.mapper();
    private final Subscription subscription;

    SubscribeEndpoint(Subscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public void onText(String text) {
        Long offset = ackOffset(text);
        if (offset == null) {
            subscription.close(CloseCodes.BAD_FRAME, "expected {\"type\":\"ack\",\"offset\":N}");
        } else {
            subscription.ack(offset);
        }
    }

    @Override
    public void onBinary() {
        subscription.close(CloseCodes.UNSUPPORTED_DATA, "binary frames are not part of the protocol; send JSON text");
    }

    @Override
    public void onEnd() {
        subscription.ended();
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
}
