package com.alai.cloud.client.cli;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Json;
import com.alai.cloud.client.mc.TaskPage;
import com.alai.cloud.client.mc.TaskQuery;
import com.alai.cloud.client.mc.TaskView;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The `alai mc` subcommands: each parses its options, asks {@link com.alai.cloud.client.mc.Mission}, prints. */
final class McCommands {
    private McCommands() {
    }

    abstract static class Base implements Runnable {
        @ParentCommand
        McCommand mc;

        Context c() {
            return mc.context();
        }
    }

    /** The fields add and update share. */
    static final class TaskFields {
        @Option(names = "--description", paramLabel = "TEXT", description = "the task's description")
        String description;
        @Option(names = "--assignee", paramLabel = "NAME", description = "who does it (letters, digits, . _ @ -)")
        String assignee;
        @Option(names = "--tag", paramLabel = "TAG", description = "a tag; repeat for more (update: replaces the tags)")
        List<String> tags;
        @Option(names = "--priority", paramLabel = "0-5", description = "priority, 0 to 5")
        Integer priority;
        @Option(names = "--status", paramLabel = "STATUS", description = "open, in_progress, blocked, review, done, cancelled")
        String status;

        Map<String, Object> into(Map<String, Object> fields) {
            if (description != null) {
                fields.put("description", description);
            }
            if (assignee != null) {
                fields.put("assignee", assignee);
            }
            if (tags != null) {
                fields.put("tags", tags);
            }
            if (priority != null) {
                if (priority < 0 || priority > 5) {
                    throw AlaiException.usage("--priority must be 0 to 5");
                }
                fields.put("priority", priority);
            }
            if (status != null) {
                fields.put("status", McCommand.status(status));
            }
            return fields;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks (open ones unless --status says otherwise).",
            footerHeading = "%nExamples:%n", footer = {"  alai mc list", "  alai mc list --assignee kelsey --status blocked",
                    "  alai mc list --all --q deploy --limit 200 --json"})
    static final class ListTasks extends Base {
        @Option(names = "--status", paramLabel = "STATUS", description = "one status, or any_open (the default)")
        String status;
        @Option(names = "--all", description = "every status, closed ones too")
        boolean all;
        @Option(names = "--assignee", paramLabel = "NAME")
        String assignee;
        @Option(names = "--tag", paramLabel = "TAG")
        String tag;
        @Option(names = "--q", paramLabel = "TEXT", description = "text in the title or description")
        String text;
        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "tasks per page, 1-500 (default ${DEFAULT-VALUE})")
        int limit;
        @Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as a previous list printed")
        String cursor;

        @Override
        public void run() {
            if (limit < 1 || limit > 500) {
                throw AlaiException.usage("--limit must be 1 to 500");
            }
            String wanted = all ? null : status == null ? "any_open" : McCommand.status(status);
            TaskPage page = mc.mission().list(new TaskQuery(wanted, assignee, tag, text, limit, cursor));
            c().print(page, Render.tasks(page, c().terminal()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one task in full.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc show 42", "  alai mc show 42 --json"})
    static final class Show extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            TaskView task = mc.mission().get(id);
            c().print(task, Render.task(task, c().terminal()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a task.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc add 'Rotate the Together key' --assignee kelsey --tag ops --priority 2"})
    static final class Add extends Base {
        @Parameters(paramLabel = "TITLE")
        String title;
        @picocli.CommandLine.Mixin
        TaskFields fields;

        @Override
        public void run() {
            var body = new LinkedHashMap<String, Object>();
            body.put("title", title);
            TaskView task = mc.mission().create(fields.into(body));
            c().print(task, "Created task " + task.id() + ".\n" + Render.task(task, c().terminal()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change fields of a task; the others stay.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc update 42 --status in_progress --assignee parisa",
                    "  alai mc update 42 --title 'A better title' --json"})
    static final class Update extends Base {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--title", paramLabel = "TEXT")
        String title;
        @picocli.CommandLine.Mixin
        TaskFields fields;

        @Override
        public void run() {
            var changes = new LinkedHashMap<String, Object>();
            if (title != null) {
                changes.put("title", title);
            }
            fields.into(changes);
            if (changes.isEmpty()) {
                throw AlaiException.usage("name a field to change, e.g. --status done (see `alai mc update --help`)");
            }
            TaskView task = mc.mission().update(id, changes);
            c().print(task, "Updated task " + task.id() + ".\n" + Render.task(task, c().terminal()));
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true, description = "Mark a task done.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc done 42"})
    static final class Done extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            TaskView task = mc.mission().update(id, Map.of("status", "done"));
            c().print(task, "Task " + task.id() + " is done.\n");
        }
    }

    @Command(name = "comment", mixinStandardHelpOptions = true, description = "Comment on a task.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc comment 42 'Blocked on the DNS change'"})
    static final class CommentOn extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "TEXT")
        String text;
        @Option(names = "--author", paramLabel = "NAME", description = "who says it (the API defaults to your login)")
        String author;

        @Override
        public void run() {
            if (text.isBlank()) {
                throw AlaiException.usage("the comment is empty");
            }
            JsonNode comment = mc.mission().comment(id, text, author);
            c().print(comment, "Commented on task " + id + ".\n");
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts by status and assignee; closed per day.",
            footerHeading = "%nExamples:%n", footer = {"  alai mc stats", "  alai mc stats --json | jq .open"})
    static final class Stats extends Base {
        @Override
        public void run() {
            JsonNode stats = mc.mission().stats();
            c().print(stats, Render.stats(stats, c().terminal()));
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Print task changes as they happen (the API's change feed; the file is polled every 2 s).",
                    "With --json, one JSON object per line. Stop with Ctrl-C."},
            footerHeading = "%nExamples:%n", footer = {"  alai mc watch", "  alai mc watch --json | jq -c 'select(.status==\"blocked\")'"})
    static final class Watch extends Base {
        @Override
        public void run() {
            Context c = c();
            c.err.println("Watching " + mc.mission().source() + " (Ctrl-C to stop) ...");
            c.err.flush();
            mc.mission().watch(event -> {
                c.out.println(c.json ? Json.compact(event) : event.path("updatedAt").asText() + "  " + event.path("type").asText()
                        + "  #" + event.path("id").asText() + "  " + event.path("status").asText());
                c.out.flush();
            });
        }
    }
}
