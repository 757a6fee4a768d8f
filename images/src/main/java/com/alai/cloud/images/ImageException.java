package com.alai.cloud.images;

/** An image could not be built or pushed; the message says which and why. */
public final class ImageException extends RuntimeException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
