package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frame that breaks RFC 6455 closes the connection with 1002 (or 1007 for bad UTF-8, 1009 for size): a close frame
 * carrying that code, never an HTTP 500 in the upgraded stream, never a stack trace in the log, and nothing after it.
 */
class ProtocolErrorTest {
    private final Fixture f = Fixture.INSTANCE;

    /** One bad frame: the first byte (FIN, RSV, opcode), its payload, whether it is masked. */
    record Bad(int first, byte[] payload, boolean masked) {
    }

    static Stream<Arguments> badFrames() {
        byte[] ack = "{\"type\":\"ack\",\"offset\":0}".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("reserved data opcode 0x3", new Bad[]{new Bad(0x83, ack, true)}, 1002),
                Arguments.of("reserved control opcode 0xB", new Bad[]{new Bad(0x8B, new byte[0], true)}, 1002),
                Arguments.of("RSV1 set without an extension", new Bad[]{new Bad(0xC1, ack, true)}, 1002),
                Arguments.of("unmasked client frame", new Bad[]{new Bad(0x81, ack, false)}, 1002),
                Arguments.of("ping of 126 bytes", new Bad[]{new Bad(0x89, new byte[126], true)}, 1002),
                Arguments.of("fragmented ping", new Bad[]{new Bad(0x09, new byte[4], true)}, 1002),
                Arguments.of("continuation with nothing to continue", new Bad[]{new Bad(0x80, ack, true)}, 1002),
                Arguments.of("new text message inside a fragmented one",
                        new Bad[]{new Bad(0x01, "{\"type\"".getBytes(), true), new Bad(0x81, ack, true)}, 1002),
                Arguments.of("text that is not UTF-8", new Bad[]{new Bad(0x81, new byte[]{'"', (byte) 0xC3, 0x28, '"'}, true)}, 1007),
                Arguments.of("close with a one-byte payload", new Bad[]{new Bad(0x88, new byte[]{3}, true)}, 1002),
                Arguments.of("close with reserved code 1005", new Bad[]{new Bad(0x88, new byte[]{0x03, (byte) 0xED}, true)}, 1002),
                Arguments.of("close reason that is not UTF-8",
                        new Bad[]{new Bad(0x88, new byte[]{0x03, (byte) 0xE8, (byte) 0xFF}, true)}, 1007),
                Arguments.of("message over the size limit", new Bad[]{new Bad(0x81, new byte[300], true)}, 1009));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badFrames")
    void aBadFrameClosesWithItsCodeAndNothingElse(String name, Bad[] frames, int code) throws Exception {
        String topic = f.topic();
        try (var helidon = HelidonLog.capture();
             var peer = RawWs.connect(f.a, "/topics/" + topic + "/subscribe", f.token())) {
            assertEquals("HTTP/1.1 101 Switching Protocols", peer.statusLine);
            assertEquals("subscribed", Fixture.json(peer.read().text()).get("type").asText());
            for (Bad bad : frames) {
                peer.send(bad.first(), bad.payload(), bad.masked());
            }
            RawWs.Frame close = peer.readClose();
            assertNotNull(close, "a close frame, not a dropped connection or an HTTP response");
            assertEquals(code, close.closeCode(), close.text());
            if (code != 1009) {
                // The stream is still in step, so the handshake can finish: our close, then the end.
                peer.sendClose(code);
            }
            assertNull(peer.read(), "nothing after the close frame");
            assertEquals(java.util.List.of(), helidon.messages(), "Helidon logged nothing of its own");
        }
    }
}
