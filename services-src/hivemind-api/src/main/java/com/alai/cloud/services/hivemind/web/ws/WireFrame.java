package com.alai.cloud.services.hivemind.web.ws;

import com.alai.cloud.services.hivemind.ws.CloseCodes;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;

/**
 * One RFC 6455 frame as it crosses the wire. Reading checks every rule a frame can break on its own (§5.2, §5.5):
 * reserved bits and opcodes, masking, control frames final and at most 125 bytes, a 63-bit length; a data frame
 * longer than {@code maxPayload} is refused before its payload is read.
 */
record WireFrame(int opcode, boolean fin, byte[] payload) {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    static final int MAX_CONTROL_PAYLOAD = 125;

    boolean control() {
        return (opcode & 0x8) != 0;
    }

    static WireFrame read(DataReader in, int maxPayload) {
        int first = in.read() & 0xFF;
        int second = in.read() & 0xFF;
        int opcode = first & 0x0F;
        boolean fin = (first & 0x80) != 0;
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        if (length == 126) {
            length = ((in.read() & 0xFF) << 8) | (in.read() & 0xFF);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (in.read() & 0xFF);
            }
        }
        if (length < 0) {
            throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, "payload length has its most significant bit set");
        }
        if (length > maxPayload) {
            // The only rejection that leaves the rest of the frame unread: reading it is what the limit prevents.
            throw new ProtocolError(CloseCodes.TOO_BIG, "frames are at most " + maxPayload + " bytes");
        }
        // Read the whole frame before judging it, so the stream stays in step and the peer's close still parses.
        byte[] mask = masked ? in.readBytes(4) : null;
        byte[] payload = length == 0 ? new byte[0] : in.readBytes((int) length);
        String broken = broken(first, opcode, fin, masked, length);
        if (broken != null) {
            throw new ProtocolError(CloseCodes.PROTOCOL_ERROR, broken);
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new WireFrame(opcode, fin, payload);
    }

    private static String broken(int first, int opcode, boolean fin, boolean masked, long length) {
        if ((first & 0x70) != 0) {
            return "reserved bits set; no extension was negotiated";
        }
        if (opcode > PONG || (opcode > BINARY && opcode < CLOSE)) {
            return "reserved opcode " + opcode;
        }
        if (!masked) {
            return "client frames must be masked";
        }
        if ((opcode & 0x8) != 0 && (!fin || length > MAX_CONTROL_PAYLOAD)) {
            return "control frames must be final and at most " + MAX_CONTROL_PAYLOAD + " bytes";
        }
        return null;
    }

    /** A final, unmasked server frame (servers never mask, §5.1). */
    static BufferData encode(int opcode, byte[] payload) {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            out[1] = (byte) n;
        } else if (n < 65_536) {
            out[1] = 126;
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = 127;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, n);
        return BufferData.create(out);
    }
}
