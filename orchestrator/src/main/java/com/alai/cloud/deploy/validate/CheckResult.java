package com.alai.cloud.deploy.validate;

/** How one check went. SKIPPED always carries the reason; it never counts as passed. */
public record CheckResult(String id, String kind, Status status, long millis, String message) {
    public enum Status { PASS, FAIL, ERROR, SKIPPED }
}
