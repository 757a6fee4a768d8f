package com.alai.cloud.policy.rules;

/** One resource a rule rejects, and why. */
public record Finding(String resource, String message) {
}
