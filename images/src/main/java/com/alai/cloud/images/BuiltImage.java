package com.alai.cloud.images;

/** What a build or push produced: the manifest digest (what stacks pin) and where the image went. */
public record BuiltImage(String service, String digest, String imageId, String reference) {
    /** The pinned reference the stack config takes: repository@sha256:… */
    public String pinned() {
        int at = reference.indexOf('@');
        String repository = at > 0 ? reference.substring(0, at) : reference.replaceFirst(":[^:/]+$", "");
        return repository + "@" + digest;
    }
}
