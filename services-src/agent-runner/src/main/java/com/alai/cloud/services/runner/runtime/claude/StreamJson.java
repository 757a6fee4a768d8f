package com.alai.cloud.services.runner.runtime.claude;

import com.alai.cloud.services.runner.model.EventKind;
import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.RunContext;
import com.alai.cloud.services.runner.runtime.RunFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Claude Code's {@code --output-format stream-json --verbose} lines as run events: the {@code system/init} line as a
 * log, assistant text as output, {@code tool_use} as tool calls, the {@code tool_result}s it sends back as tool
 * results, each model response's usage (once per message id) as usage, and the {@code result} line as the outcome.
 */
final class StreamJson {
    /** The CLI's last line: its answer, whether it failed, and what it says the run cost. */
    record Result(String text, boolean error, String subtype, BigDecimal reportedCostUsd, int turns) {
    }

    private final RunContext context;
    private final Prices prices;
    private final String model;
    private final Set<String> charged = new HashSet<>();
    private final long[] counted = new long[4];
    private Result result;

    StreamJson(RunContext context, Prices prices, String model) {
        this.context = context;
        this.prices = prices;
        this.model = model;
    }

    Result result() {
        return result;
    }

    void accept(JsonNode line) throws RunFailure {
        switch (line.path("type").asText()) {
            case "system" -> {
                var data = new LinkedHashMap<String, Object>();
                data.put("source", "claude-code");
                data.put("subtype", line.path("subtype").asText());
                data.put("model", line.path("model").asText(null));
                data.put("tools", line.path("tools"));
                data.put("claudeCodeVersion", line.path("claude_code_version").asText(null));
                context.event(EventKind.LOG, data);
            }
            case "assistant" -> assistant(line.path("message"));
            case "user" -> {
                for (JsonNode block : line.path("message").path("content")) {
                    if ("tool_result".equals(block.path("type").asText())) {
                        context.toolResult(block.path("tool_use_id").asText(), text(block.path("content")),
                                block.path("is_error").asBoolean(false));
                    }
                }
            }
            case "result" -> {
                charge(line.path("usage"));
                result = new Result(line.path("result").asText(""), line.path("is_error").asBoolean(false),
                    line.path("subtype").asText(""), line.path("total_cost_usd").decimalValue(),
                    line.path("num_turns").asInt());
            }
            default -> {
                // Other lines (partial stream events, rate-limit notices) are not run events.
            }
        }
    }

    private void assistant(JsonNode message) throws RunFailure {
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> context.output(block.path("text").asText());
                case "tool_use" -> context.toolCall(block.path("id").asText(), block.path("name").asText(),
                        block.path("input"));
                default -> {
                    // Thinking blocks stay private to the model.
                }
            }
        }
        // One assistant line per content block, each with its response's usage as it stood at message_start:
        // charge each response once, at once (so the cost limit holds between turns), and the rest from the result.
        String id = message.path("id").asText("");
        JsonNode usage = message.path("usage");
        if (!usage.isMissingNode() && charged.add(id)) {
            long[] sum = counted.clone();
            add(sum, usage);
            charge(sum);
        }
    }

    /** Charges what the CLI's cumulative {@code result} usage says beyond what was charged already. */
    private void charge(JsonNode total) throws RunFailure {
        if (total.isMissingNode()) {
            return;
        }
        long[] sum = new long[4];
        add(sum, total);
        charge(sum);
    }

    private void charge(long[] upTo) throws RunFailure {
        long[] delta = new long[4];
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            delta[i] = Math.max(0, upTo[i] - counted[i]);
            any |= delta[i] > 0;
            counted[i] = Math.max(counted[i], upTo[i]);
        }
        if (any) {
            context.usage(prices.cost(model, delta[0], delta[1], delta[2], delta[3]));
        }
    }

    private static void add(long[] sum, JsonNode usage) {
        sum[0] += usage.path("input_tokens").asLong();
        sum[1] += usage.path("cache_creation_input_tokens").asLong();
        sum[2] += usage.path("cache_read_input_tokens").asLong();
        sum[3] += usage.path("output_tokens").asLong();
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        var out = new StringBuilder();
        for (JsonNode part : content) {
            out.append(part.path("text").asText(""));
        }
        return out.toString();
    }
}
