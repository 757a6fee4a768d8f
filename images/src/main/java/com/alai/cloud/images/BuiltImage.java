package com.alai.cloud.images;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;

/** What a build or push produced: the manifest digest (what stacks pin) and where the image went. */
public record BuiltImage(String service, String digest, String imageId, String reference) {
    /** The pinned reference the stack config takes: registry/repository@sha256:…, whatever tag it was pushed with. */
    public String pinned() {
        try {
            ImageReference ref = ImageReference.parse(reference);
            return ref.getRegistry() + "/" + ref.getRepository() + "@" + digest;
        } catch (InvalidImageReferenceException e) {
            throw new IllegalStateException("not an image reference: " + reference, e);
        }
    }
}
