package com.alai.cloud.migrate.mc;

/** Columns of the mission_control `tasks` table a legacy column can map to; EXTRA keeps it in the jsonb column. */
public enum Target {
    ID("id"), TITLE("title"), DESCRIPTION("description"), STATUS("status"), ASSIGNEE("assignee"), TAGS("tags"),
    PRIORITY("priority"), CREATED_AT("created_at"), UPDATED_AT("updated_at"), CLOSED_AT("closed_at"),
    ARCHIVED("archived"), EXTRA("extra");

    private final String column;

    Target(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
