package com.alai.cloud.services.common.error;

import java.util.Map;

/**
 * An error a client caused or must know about; becomes an RFC 9457 problem+json response in one place
 * ({@link ProblemWriter}). Field errors map a JSON field to what is wrong with it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;
    private Integer retryAfterSeconds;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ApiException(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Seconds for the {@code Retry-After} header, when the caller should come back later (429, 503). */
    public java.util.Optional<Integer> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public static ApiException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiException(429, "Too Many Requests", detail).retryAfter(retryAfterSeconds);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    public static ApiException invalid(Map<String, String> fieldErrors) {
        return new ApiException(422, "Validation failed", "the request body has invalid fields", fieldErrors);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    public static ApiException methodNotAllowed(String detail) {
        return new ApiException(405, "Method Not Allowed", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException upgradeRequired(String detail) {
        return new ApiException(426, "Upgrade Required", detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "Precondition Failed", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Content Too Large", detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "Unsupported Media Type", detail);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "Precondition Required", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service Unavailable", detail);
    }
}
