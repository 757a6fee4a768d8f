package com.alai.cloud.policy.rules;

/** The outcome of one rule on one resource (or on the whole stack when it passes everywhere). */
public record PolicyResult(String ruleId, Severity severity, String title, String resource, Status status, String message) {

    public enum Status { PASS, FAIL, WAIVED }

    public boolean blocking() {
        return status == Status.FAIL && severity == Severity.MANDATORY;
    }
}
