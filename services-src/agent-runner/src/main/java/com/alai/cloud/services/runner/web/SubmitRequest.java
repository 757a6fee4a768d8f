package com.alai.cloud.services.runner.web;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.agent.AgentDefinition;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.model.NewRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code POST /runs} body checked against the agent's definition: every field error named at once (422), limits
 * the caller asks for no higher than the definition's, and a hash of what was asked so a reused key is noticed.
 */
final class SubmitRequest {
    static final int MAX_INPUT = 100_000;
    private static final Set<String> FIELDS = Set.of("agent", "input", "taskId", "model", "timeoutSeconds", "maxCostUsd");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private SubmitRequest() {
    }

    static String idempotencyKey(Optional<String> header) {
        String key = header.orElseThrow(() -> ApiException.badRequest(
                "the Idempotency-Key header is required: a unique value per run, reused only to retry the same request"));
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1-200 characters of A-Z a-z 0-9 . _ : -");
        }
        return key;
    }

    static NewRun parse(JsonNode body, DefinitionSource agents, String caller, String key) {
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        var errors = new TreeMap<String, String>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.put(f, "is not a field of a run request");
            }
        });
        JsonNode agentNode = body.path("agent");
        Optional<AgentDefinition> agent = agentNode.isTextual() ? agents.find(agentNode.asText()) : Optional.empty();
        if (agent.isEmpty()) {
            errors.put("agent", agentNode.isTextual() ? "no agent is defined with this name" : "is required (a string)");
        }
        JsonNode input = body.path("input");
        if (!input.isTextual() || input.asText().isEmpty() || input.asText().length() > MAX_INPUT) {
            errors.put("input", "must be a string of 1-" + MAX_INPUT + " characters");
        }
        JsonNode task = body.path("taskId");
        if (!task.isMissingNode() && !task.isNull() && (!task.isIntegralNumber() || !task.canConvertToLong()
                || task.asLong() < 1)) {
            errors.put("taskId", "must be a Mission Control task id (an integer from 1)");
        }
        JsonNode model = body.path("model");
        if (!model.isMissingNode() && !model.isNull() && (!model.isTextual() || !MODEL.matcher(model.asText()).matches())) {
            errors.put("model", "must be a model name of 1-100 characters (A-Z a-z 0-9 . _ : -)");
        }
        int maxTimeout = agent.map(a -> a.limits().maxTimeoutSeconds()).orElse(86_400);
        JsonNode timeout = body.path("timeoutSeconds");
        if (!timeout.isIntegralNumber() || !timeout.canConvertToInt() || timeout.asInt() < 1 || timeout.asInt() > maxTimeout) {
            errors.put("timeoutSeconds", "is required: an integer in 1.." + maxTimeout + " (the agent's limit)");
        }
        BigDecimal maxCost = agent.map(a -> a.limits().maxCostUsd()).orElse(BigDecimal.ONE);
        JsonNode cost = body.path("maxCostUsd");
        if (!cost.isMissingNode() && !cost.isNull()) {
            if (!cost.isNumber() || cost.decimalValue().signum() <= 0 || cost.decimalValue().compareTo(maxCost) > 0
                    || cost.decimalValue().scale() > 6) {
                errors.put("maxCostUsd", "must be a number in (0, " + maxCost.toPlainString() + "] (the agent's limit)");
            } else {
                maxCost = cost.decimalValue();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        AgentDefinition a = agent.orElseThrow();
        Long taskId = task.isIntegralNumber() ? task.asLong() : null;
        String modelName = model.isTextual() ? model.asText() : null;
        var asked = new LinkedHashMap<String, Object>();
        asked.put("agent", a.name());
        asked.put("input", input.asText());
        asked.put("taskId", taskId);
        asked.put("model", modelName);
        asked.put("timeoutSeconds", timeout.asInt());
        asked.put("maxCostUsd", maxCost.stripTrailingZeros().toPlainString());
        return new NewRun(a.name(), input.asText(), taskId, modelName, timeout.asInt(), maxCost, caller, key,
                sha256(asked), a.priority(), a.limits().maxAttempts());
    }

    private static String sha256(Map<String, Object> asked) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    new String(Json.bytes(asked), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
