package com.alai.cloud.services.runner.runtime.messages;

import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.RunContext;
import com.alai.cloud.services.runner.runtime.RunFailure;
import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * One streamed request and what it cost. The spend is recorded before it is sent; it is taken back only when the
 * answer proves nothing was bought (an error status before any event, or a refused connection) and nothing was
 * bought before it in the run. Usage counts what arrived, so a stream cut short is charged for what it used.
 */
final class StreamedTurn {
    private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504, 529);
    private final AnthropicClient client;
    private final Prices prices;
    private final String model;
    private final RunContext context;

    StreamedTurn(AnthropicClient client, Prices prices, String model, RunContext context) {
        this.client = client;
        this.prices = prices;
        this.model = model;
        this.context = context;
    }

    Message send(MessageCreateParams params) throws RunFailure {
        context.spending();
        var accumulator = MessageAccumulator.create();
        long input = 0;
        long cacheWrite = 0;
        long cacheRead = 0;
        long output = 0;
        boolean started = false;
        boolean finished = false;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            context.onStop(stream::close);
            Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
            while (events.hasNext()) {
                RawMessageStreamEvent event = accumulator.accumulate(events.next());
                if (event.isMessageStart()) {
                    started = true;
                    Usage usage = event.asMessageStart().message().usage();
                    input = usage.inputTokens();
                    cacheWrite = usage.cacheCreationInputTokens().orElse(0L);
                    cacheRead = usage.cacheReadInputTokens().orElse(0L);
                    output = usage.outputTokens();
                } else if (event.isContentBlockDelta()) {
                    event.asContentBlockDelta().delta().text().ifPresent(t -> context.output(t.text()));
                } else if (event.isMessageDelta()) {
                    output = event.asMessageDelta().usage().outputTokens();
                } else if (event.isMessageStop()) {
                    finished = true;
                }
            }
        } catch (AnthropicServiceException e) {
            charge(input, cacheWrite, cacheRead, output);
            throw refused(e, started || e instanceof SseException);
        } catch (AnthropicIoException | IllegalStateException e) {
            charge(input, cacheWrite, cacheRead, output);
            if (context.stopped()) {
                throw RunFailure.fatal("the run was stopped");
            }
            if (!started && e.getCause() instanceof ConnectException) {
                context.nothingBought();
            }
            throw RunFailure.transientFailure(started ? "the model stream broke before message_stop: " + e.getMessage()
                    : "the model backend failed: " + e.getMessage(), null, e);
        }
        charge(input, cacheWrite, cacheRead, output);
        if (context.stopped()) {
            throw RunFailure.fatal("the run was stopped");
        }
        if (!finished) {
            throw RunFailure.transientFailure("the model stream ended before message_stop", null, null);
        }
        return accumulator.message();
    }

    private RunFailure refused(AnthropicServiceException e, boolean afterStart) {
        String type = e.errorType().map(Object::toString).orElse("error");
        String what = type + " (" + e.statusCode() + "): " + e.apiMessage().orElse(e.getMessage());
        if (!afterStart) {
            // An error status instead of a stream: Anthropic bills no tokens for a refused request.
            context.nothingBought();
        }
        if (afterStart || TRANSIENT.contains(e.statusCode())) {
            return RunFailure.transientFailure(what, retryAfter(e), e);
        }
        return RunFailure.fatal(what, e);
    }

    private static Duration retryAfter(AnthropicServiceException e) {
        var values = e.headers().values("retry-after");
        if (values.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(values.getFirst().strip()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private void charge(long input, long cacheWrite, long cacheRead, long output) throws RunFailure {
        if (input + cacheWrite + cacheRead + output > 0) {
            context.usage(prices.cost(model, input, cacheWrite, cacheRead, output));
        }
    }
}
