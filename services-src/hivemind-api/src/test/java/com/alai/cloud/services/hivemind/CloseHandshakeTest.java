package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The close handshake of RFC 6455 §5.5.1, both ways, with the JDK's client and at the byte level. */
class CloseHandshakeTest {
    private final Fixture f = Fixture.INSTANCE;

    @Test
    void aClientCloseIsAnsweredWithTheSameCode() throws Exception {
        try (var client = WsClient.connect(Fixture.ws(f.b, "/topics/" + f.topic() + "/subscribe"), f.token())) {
            client.next();
            client.sendClose(1000, "done for today");
            assertEquals(1000, client.closeCode());
        }
    }

    @Test
    void aServerCloseIsTheLastFrameAndEndsTheConnectionOnceAnswered() throws Exception {
        String topic = f.topic();
        try (var peer = RawWs.connect(f.a, "/topics/" + topic + "/subscribe?after=0", f.token())) {
            peer.read();
            for (int i = 0; i < 50; i++) {
                f.publish(f.b, topic, "{\"n\":" + i + "}");
            }
            peer.sendText("{\"type\":\"ack\",\"offset\":1000}"); // beyond what was delivered: 4400
            RawWs.Frame close = peer.readClose();
            assertNotNull(close);
            assertEquals(4400, close.closeCode());
            peer.sendClose(4400);
            assertNull(peer.read(), "nothing after the close frame, and the server ends the connection");
        }
    }

    @Test
    void theDocumentedCodeArrivesEveryTimeEvenMidStream() throws Exception {
        String topic = f.topic();
        for (int i = 0; i < 30; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try (var client = WsClient.connect(Fixture.ws(i % 2 == 0 ? f.a : f.b, "/topics/" + topic
                    + "/subscribe?after=0"), f.token())) {
                client.next();
                client.send("{\"type\":\"nack\",\"offset\":1}"); // while 30 messages are on their way
                codes.add(client.closeCode());
            }
        }
        assertEquals(java.util.Collections.nCopies(20, 4400), codes);
    }
}
