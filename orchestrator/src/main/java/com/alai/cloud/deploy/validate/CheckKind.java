package com.alai.cloud.deploy.validate;

/** Runs checks of one kind. Returns a failure message, or null when the check passed. */
interface CheckKind {
    String run(Check check, Variables vars) throws Exception;

    static Number number(Check check, String key, Number fallback) {
        Object value = check.spec().get(key);
        return value instanceof Number n ? n : fallback;
    }

    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> map(Object value) {
        return value instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : java.util.Map.of();
    }
}
