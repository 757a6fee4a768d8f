package com.alai.cloud.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an OCI image-layout tarball with the system's tar: the manifest's layers and the config. */
final class OciTar {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciTar() {
    }

    static String entry(Path tar, String name) throws Exception {
        Process p = new ProcessBuilder("tar", "-xOf", tar.toString(), name).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("no " + name + " in " + tar);
        }
        return out;
    }

    static JsonNode manifest(Path tar) throws Exception {
        String digest = JSON.readTree(entry(tar, "index.json")).path("manifests").get(0).path("digest").asText();
        return JSON.readTree(entry(tar, "blobs/sha256/" + digest.substring(7)));
    }

    static List<String> layers(Path tar) throws Exception {
        var layers = new ArrayList<String>();
        manifest(tar).path("layers").forEach(l -> layers.add(l.path("digest").asText()));
        return layers;
    }

    static JsonNode config(Path tar) throws Exception {
        return JSON.readTree(entry(tar, "blobs/sha256/" + manifest(tar).path("config").path("digest").asText().substring(7)));
    }

    /** `tar tvz` of one layer: mode, owner, size and path of every entry. */
    static String listing(Path tar, String layerDigest) throws Exception {
        Process extract = new ProcessBuilder("sh", "-c", "tar -xOf '" + tar + "' blobs/sha256/" + layerDigest.substring(7)
                + " | tar -tvzf -").start();
        String out = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        extract.waitFor();
        return out;
    }
}
