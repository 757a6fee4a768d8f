package com.alai.cloud.services.skills.web;

import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The content type of a file: by its extension (the formats a rules/skills repository holds, then the JDK's table),
 * else by its bytes as git itself decides (a NUL in the first 8,000 bytes means binary). Text is labelled UTF-8 only
 * when it decodes as UTF-8; anything else is served as bytes.
 */
final class ContentTypes {
    private static final String BINARY = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"), Map.entry("txt", "text/plain"),
            Map.entry("json", "application/json"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("toml", "application/toml"),
            Map.entry("sh", "text/x-shellscript"), Map.entry("py", "text/x-python"), Map.entry("js", "text/javascript"),
            Map.entry("html", "text/html"), Map.entry("css", "text/css"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("wasm", "application/wasm"));

    private ContentTypes() {
    }

    static String of(String name, byte[] content) {
        String type = byExtension(name);
        boolean text = type == null ? looksLikeText(content) : isText(type);
        if (type == null) {
            type = text ? "text/plain" : BINARY;
        }
        return text && isUtf8(content) ? type + "; charset=utf-8" : text ? BINARY : type;
    }

    private static String byExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String known = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
        }
        return URLConnection.getFileNameMap().getContentTypeFor(name);
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/yaml")
                || type.equals("application/toml") || type.equals("application/xml") || type.equals("image/svg+xml")
                || type.equals("text/javascript");
    }

    private static boolean looksLikeText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
