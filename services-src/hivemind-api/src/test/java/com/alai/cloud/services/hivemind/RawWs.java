package com.alai.cloud.services.hivemind;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket peer at the byte level, for what no well-behaved client library will send: reserved opcodes, unmasked
 * or fragmented control frames, broken UTF-8, silence, vanishing without a close. Reads server frames as they are.
 */
final class RawWs implements AutoCloseable {
    record Frame(int opcode, boolean fin, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** The first bytes the server answered the upgrade with: its status line. */
    final String statusLine;

    private RawWs(Socket socket, String statusLine) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.statusLine = statusLine;
    }

    static RawWs connect(HiveMindApi replica, String path, String token) throws IOException {
        var socket = new Socket("127.0.0.1", replica.port());
        socket.setSoTimeout(20_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String status = null;
        for (String line; !(line = headerLine(socket.getInputStream())).isEmpty(); ) {
            status = status == null ? line : status;
        }
        return new RawWs(socket, status);
    }

    private static String headerLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Writes one frame exactly as described: {@code first} is the whole first byte (FIN, RSV bits, opcode). */
    void send(int first, byte[] payload, boolean masked) throws IOException {
        var frame = new ByteArrayOutputStream();
        frame.write(first);
        int n = payload.length;
        int maskBit = masked ? 0x80 : 0;
        if (n < 126) {
            frame.write(maskBit | n);
        } else {
            frame.write(maskBit | 126);
            frame.write(n >>> 8);
            frame.write(n & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        if (masked) {
            frame.writeBytes(mask);
        }
        for (int i = 0; i < n; i++) {
            frame.write(masked ? payload[i] ^ mask[i & 3] : payload[i]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    void send(int first, byte[] payload) throws IOException {
        send(first, payload, true);
    }

    void sendText(String text) throws IOException {
        send(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendClose(int code) throws IOException {
        send(0x88, new byte[]{(byte) (code >>> 8), (byte) code});
    }

    /** The next server frame, or null when the server closed the connection (FIN or RST). */
    Frame read() throws IOException {
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int len = in.readUnsignedByte() & 0x7F;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = (int) in.readLong();
            }
            byte[] payload = new byte[len];
            in.readFully(payload);
            return new Frame(first & 0x0F, (first & 0x80) != 0, payload);
        } catch (EOFException | SocketException closed) {
            return null;
        }
    }

    /** Reads past pings and messages to the server's close frame; null if the connection ended without one. */
    Frame readClose() throws IOException {
        for (Frame f; (f = read()) != null; ) {
            if (f.opcode() == 0x8) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
