package com.alai.cloud.services.runner.runtime.messages;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.agent.AgentDefinition;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.RunContext;
import com.alai.cloud.services.runner.runtime.RunFailure;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code messages} runtime: a tool loop on Anthropic's Messages API through the official Java client, streaming
 * text into the run's output, running the tool calls it is allowed ({@link LocalTools}) and charging each turn's
 * usage at the model's price. It stops when the model ends its turn, at the agent's turn limit, or when stopped.
 */
public final class MessagesRuntime implements AgentRuntime {
    private final AnthropicClient client;
    private final Prices prices;
    private final long maxTokens;

    public MessagesRuntime(AnthropicClient client, Prices prices, long maxTokens) {
        this.client = client;
        this.prices = prices;
        this.maxTokens = maxTokens;
    }

    /** The client for {@code baseUrl}: no retries of its own, because the queue decides what may be tried again. */
    public static AnthropicClient client(String baseUrl, String apiKey) {
        return AnthropicOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).maxRetries(0)
                .timeout(Duration.ofMinutes(10)).build();
    }

    @Override
    public String run(AgentDefinition agent, RunContext context) throws RunFailure {
        if (!"anthropic".equals(agent.model().provider())) {
            throw RunFailure.fatal("model route " + agent.model() + " is not served by this runner; use anthropic/…");
        }
        String model = context.modelOverride() != null ? context.modelOverride() : agent.model().model();
        if (prices.of(model).isEmpty()) {
            throw RunFailure.fatal("no price is known for model " + model + "; its cost could not be limited");
        }
        var request = MessageCreateParams.builder().model(model).maxTokens(maxTokens).addUserMessage(context.input());
        if (!agent.systemPrompt().isBlank()) {
            request.system(agent.systemPrompt());
        }
        LocalTools.allowed(agent.allowedTools()).forEach(spec -> request.addTool(tool(spec)));
        var turn = new StreamedTurn(client, prices, model, context);
        for (int n = 1; n <= agent.limits().maxTurns(); n++) {
            if (context.stopped()) {
                throw RunFailure.fatal("the run was stopped");
            }
            Message message = turn.send(request.build());
            request.addMessage(message);
            List<ToolUseBlock> uses = message.content().stream().filter(ContentBlock::isToolUse)
                    .map(ContentBlock::asToolUse).toList();
            if (uses.isEmpty() || !message.stopReason().map(StopReason.TOOL_USE::equals).orElse(false)) {
                return message.content().stream().filter(ContentBlock::isText).map(ContentBlock::asText)
                        .map(TextBlock::text).collect(Collectors.joining());
            }
            var results = new ArrayList<ContentBlockParam>();
            for (ToolUseBlock use : uses) {
                JsonNode input = Json.mapper().valueToTree(use._input().convert(Object.class));
                context.toolCall(use.id(), use.name(), input);
                LocalTools.Result result = LocalTools.run(use.name(), input, context, agent.allowedTools());
                context.toolResult(use.id(), result.content(), result.error());
                results.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(use.id())
                        .content(result.content()).isError(result.error()).build()));
            }
            request.addUserMessageOfContentBlockParams(results);
        }
        throw RunFailure.fatal("stopped after the agent's limit of " + agent.limits().maxTurns() + " turns");
    }

    private static Tool tool(LocalTools.Spec spec) {
        return Tool.builder().name(spec.name()).description(spec.description())
                .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(spec.properties()))
                        .required(spec.required()).build())
                .build();
    }
}
