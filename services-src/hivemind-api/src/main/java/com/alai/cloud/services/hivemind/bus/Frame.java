package com.alai.cloud.services.hivemind.bus;

import com.alai.cloud.services.hivemind.codec.MessageJson;
import com.alai.cloud.services.hivemind.model.Message;

/** A message rendered once as its WebSocket frame, shared by every local subscriber. */
public record Frame(long offset, String text) {
    public static Frame of(Message message) {
        return new Frame(message.offset(), MessageJson.frame(message));
    }
}
