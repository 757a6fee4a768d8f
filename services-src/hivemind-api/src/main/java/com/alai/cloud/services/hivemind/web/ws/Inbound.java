package com.alai.cloud.services.hivemind.web.ws;

import com.alai.cloud.services.hivemind.ws.CloseCodes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reassembles data frames into messages and reads close frames, enforcing what spans frames (§5.4, §5.5.1, §8.1):
 * a continuation only inside a fragmented message, no new message before the last one ends, a message no larger
 * than {@code maxMessage}, text and close reasons in valid UTF-8, close codes a peer may send. Not thread-safe:
 * the connection's reader owns it.
 */
final class Inbound {
    /** A complete data message: text (decoded) or binary. */
    record Message(boolean text, String body) {
    }

    /** A peer's close frame: its code (1005 when it gave none) and reason. */
    record Close(int code, String reason) {
    }

    static final int NO_STATUS = 1005;
    private final int maxMessage;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int partialOpcode = -1;

    Inbound(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /** The message this data frame completes, or null while fragments are still coming. */
    Message data(WireFrame frame) {
        if (frame.opcode() == WireFrame.CONTINUATION) {
            if (partialOpcode < 0) {
                throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, "continuation frame outside a fragmented message");
            }
        } else if (partialOpcode >= 0) {
            throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, "new message before the fragmented one ended");
        } else {
            partialOpcode = frame.opcode();
        }
        if (partial.size() + frame.payload().length > maxMessage) {
            throw new ProtocolError(CloseCodes.TOO_BIG, "messages are at most " + maxMessage + " bytes");
        }
        partial.writeBytes(frame.payload());
        if (!frame.fin()) {
            return null;
        }
        boolean text = partialOpcode == WireFrame.TEXT;
        byte[] bytes = partial.toByteArray();
        partial.reset();
        partialOpcode = -1;
        return new Message(text, text ? utf8(bytes, "text message") : null);
    }

    static Close close(WireFrame frame) {
        byte[] p = frame.payload();
        if (p.length == 0) {
            return new Close(NO_STATUS, "");
        }
        if (p.length == 1) {
            throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, "a close payload is empty or starts with a 2-byte code");
        }
        int code = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        if (!sendable(code)) {
            throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, "close code " + code + " may not be sent by a peer");
        }
        return new Close(code, utf8(java.util.Arrays.copyOfRange(p, 2, p.length), "close reason"));
    }

    // §7.4: 1000-1003 and 1007-1014 are defined for use on the wire; 3000-4999 are for libraries and applications.
    private static boolean sendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolError(CloseCodes.INVALID_DATA, what + " is not valid UTF-8");
        }
    }
}
