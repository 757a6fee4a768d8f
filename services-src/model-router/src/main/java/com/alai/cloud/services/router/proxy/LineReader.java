package com.alai.cloud.services.router.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lines of a backend's body as raw bytes (the newline dropped), each handed on as soon as its newline arrives:
 * {@link InputStream#read(byte[])} returns what the socket has, so nothing waits for a full buffer.
 */
final class LineReader implements AutoCloseable {
    /** A line longer than this is not a token stream: the backend is answering something else. */
    static final int MAX_LINE = 4 * 1024 * 1024;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the body; a last line without a newline is still a line. */
    byte[] next() throws IOException {
        ByteArrayOutputStream partial = null;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    int stop = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    byte[] line = concat(partial, stop);
                    start = i + 1;
                    return line;
                }
            }
            if (end > start) {
                if (partial == null) {
                    partial = new ByteArrayOutputStream();
                }
                partial.write(buffer, start, end - start);
                if (partial.size() > MAX_LINE) {
                    throw new IOException("a line of the backend's body exceeds " + MAX_LINE + " bytes");
                }
            }
            start = 0;
            end = in.read(buffer);
            if (end < 0) {
                end = 0;
                return partial == null || partial.size() == 0 ? null : partial.toByteArray();
            }
        }
    }

    private byte[] concat(ByteArrayOutputStream partial, int stop) {
        if (partial == null) {
            return java.util.Arrays.copyOfRange(buffer, start, stop);
        }
        partial.write(buffer, start, stop - start);
        return partial.toByteArray();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
