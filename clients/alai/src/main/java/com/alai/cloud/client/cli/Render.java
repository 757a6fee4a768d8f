package com.alai.cloud.client.cli;

import com.alai.cloud.client.mc.TaskPage;
import com.alai.cloud.client.mc.TaskView;
import com.alai.cloud.client.out.Table;
import com.alai.cloud.client.out.Terminal;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** The human forms of Mission Control's answers. */
final class Render {
    private static final Map<String, String> STATUS_COLOUR = Map.of("open", "32", "in_progress", "33", "blocked", "31",
            "review", "36", "done", "2", "cancelled", "2");

    private Render() {
    }

    static String tasks(TaskPage page, Terminal terminal) {
        if (page.items().isEmpty()) {
            return "No tasks.\n";
        }
        var table = new Table("ID", "STATUS", "PRI", "ASSIGNEE", "UPDATED", "TITLE");
        for (TaskView t : page.items()) {
            table.row(t.id(), Table.colored(t.status(), STATUS_COLOUR.get(t.status())), t.priority(), t.assignee(),
                    day(t.updatedAt()), t.title());
        }
        String more = page.nextCursor() == null ? "" : "More: alai mc list --cursor " + page.nextCursor() + " (same filters)\n";
        return table.render(terminal) + more;
    }

    static String task(TaskView t, Terminal terminal) {
        var text = new StringBuilder();
        text.append(terminal.paint("#" + t.id() + " " + clean(t.title()), "1")).append('\n');
        line(text, "status", terminal.paint(t.status(), STATUS_COLOUR.getOrDefault(t.status(), "0")));
        line(text, "assignee", t.assignee());
        line(text, "priority", t.priority());
        line(text, "tags", t.tags().isEmpty() ? null : String.join(", ", t.tags()));
        line(text, "created", t.createdAt());
        line(text, "updated", t.updatedAt());
        line(text, "closed", t.closedAt());
        if (t.archived()) {
            line(text, "archived", "yes");
        }
        if (t.description() != null && !t.description().isBlank()) {
            text.append('\n').append(t.description().codePoints().map(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp) ? cp : ' ')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('\n');
        }
        return text.toString();
    }

    static String stats(JsonNode s, Terminal terminal) {
        var text = new StringBuilder();
        text.append(s.path("open").asLong()).append(" open of ").append(s.path("total").asLong()).append(" tasks\n\n");
        var byStatus = new Table("STATUS", "TASKS");
        s.path("byStatus").fields().forEachRemaining(e -> byStatus.row(Table.colored(e.getKey(), STATUS_COLOUR.get(e.getKey())), e.getValue().asLong()));
        text.append(byStatus.render(terminal)).append('\n');
        var byAssignee = new Table("ASSIGNEE (open)", "TASKS");
        s.path("byAssignee").fields().forEachRemaining(e -> byAssignee.row(e.getKey(), e.getValue().asLong()));
        text.append(byAssignee.render(terminal));
        long closed = 0;
        for (JsonNode n : s.path("closedPerDay")) {
            closed += n.asLong();
        }
        text.append('\n').append(closed).append(" closed in the last 30 days\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Object value) {
        if (value != null) {
            text.append(String.format("  %-9s %s%n", label + ":", clean(value.toString())));
        }
    }

    private static String day(Instant instant) {
        return instant == null ? "-" : instant.toString().substring(0, 10);
    }

    private static String clean(String s) {
        return s.codePoints().map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
