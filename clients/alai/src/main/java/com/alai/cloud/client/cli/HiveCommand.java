package com.alai.cloud.client.cli;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.hive.Hive;
import com.alai.cloud.client.http.Json;
import com.alai.cloud.client.out.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "hive", mixinStandardHelpOptions = true,
        description = "HiveMind pub/sub through hivemind-api (ALAI_HIVE_URL, or the profile's hiveUrl).",
        subcommands = {HiveCommand.Topics.class, HiveCommand.Pub.class, HiveCommand.Sub.class})
final class HiveCommand implements Runnable {
    @ParentCommand
    AlaiCommand root;

    @Override
    public void run() {
        throw AlaiException.usage("name a subcommand: alai hive topics|pub|sub");
    }

    Hive hive() {
        Context c = root.context;
        return new Hive(c.profile().requireHiveUrl(), () -> c.logins().accessToken());
    }

    @Command(name = "topics", mixinStandardHelpOptions = true, description = "List topics (or create one with --create).",
            footerHeading = "%nExamples:%n", footer = {"  alai hive topics", "  alai hive topics --create agent.events"})
    static final class Topics implements Runnable {
        @ParentCommand
        HiveCommand hive;
        @Option(names = "--create", paramLabel = "NAME", description = "create this topic first (a-z 0-9 . _ -)")
        String create;

        @Override
        public void run() {
            Context c = hive.root.context;
            Hive api = hive.hive();
            if (create != null) {
                api.createTopic(create);
            }
            JsonNode topics = api.topics();
            var table = new Table("TOPIC", "FIRST", "LAST", "CREATED");
            topics.path("topics").forEach(t -> table.row(t.path("name").asText(), t.path("firstOffset").asLong(),
                    t.path("lastOffset").asLong(), t.path("createdAt").asText()));
            c.print(topics, table.isEmpty() ? "No topics.\n" : table.render(c.terminal()));
        }
    }

    @Command(name = "pub", mixinStandardHelpOptions = true, description = "Publish one message; PAYLOAD is JSON (or text with --text).",
            footerHeading = "%nExamples:%n", footer = {"  alai hive pub agent.events '{\"run\":42,\"state\":\"done\"}'",
                    "  alai hive pub agent.events --text 'deploy finished' --header source=ci --key deploy-1234"})
    static final class Pub implements Runnable {
        @ParentCommand
        HiveCommand hive;
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;
        @Parameters(index = "1", paramLabel = "PAYLOAD")
        String payload;
        @Option(names = "--text", description = "send PAYLOAD as a JSON string")
        boolean text;
        @Option(names = "--header", paramLabel = "NAME=VALUE", description = "a message header; repeat for more")
        Map<String, String> headers = new LinkedHashMap<>();
        @Option(names = "--key", paramLabel = "KEY", description = "Idempotency-Key: a retry with it publishes once")
        String key;

        @Override
        public void run() {
            Context c = hive.root.context;
            JsonNode body;
            if (text) {
                body = Json.MAPPER.getNodeFactory().textNode(payload);
            } else {
                try {
                    body = Json.tree(payload);
                } catch (IllegalArgumentException e) {
                    throw AlaiException.usage("PAYLOAD is not JSON; quote a string as '\"hello\"' or add --text");
                }
            }
            JsonNode published = hive.hive().publish(topic, body, headers, key);
            c.print(published, "Published to " + topic + " at offset " + published.path("offset").asLong()
                    + (published.path("replayed").asBoolean() ? " (already published with this key)" : "") + ".\n");
        }
    }

    @Command(name = "sub", mixinStandardHelpOptions = true,
            description = {"Subscribe and print messages as they arrive (WebSocket; acked as printed).",
                    "--json prints one JSON object per line. Stop with Ctrl-C, or after --count messages."},
            footerHeading = "%nExamples:%n", footer = {"  alai hive sub agent.events", "  alai hive sub agent.events --after 0 --count 10 --json",
                    "  alai hive sub agent.events --group my-worker"})
    static final class Sub implements Runnable {
        @ParentCommand
        HiveCommand hive;
        @Parameters(paramLabel = "TOPIC")
        String topic;
        @Option(names = "--after", paramLabel = "OFFSET", description = "start after this offset (default: the group's commit, else new messages)")
        Long after;
        @Option(names = "--group", paramLabel = "NAME", description = "consumer group: resume where it committed")
        String group;
        @Option(names = "--count", paramLabel = "N", description = "exit after N messages")
        Integer count;

        @Override
        public void run() {
            Context c = hive.root.context;
            if (count != null && count < 1) {
                throw AlaiException.usage("--count must be at least 1");
            }
            var seen = new AtomicInteger();
            hive.hive().subscribe(topic, after, group, message -> {
                c.out.println(c.json ? Json.compact(message) : message.path("offset").asLong() + "  "
                        + message.path("producer").asText() + "  " + Table.clean(Json.compact(message.path("payload"))));
                c.out.flush();
                return count == null || seen.incrementAndGet() < count;
            });
        }
    }
}
