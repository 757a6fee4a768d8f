package com.alai.cloud.client.mc;

import com.alai.cloud.services.mc.TaskStatus;
import java.util.List;

/** The task statuses, from mc-api's own list (the one home of the fact): the client validates against the same. */
public final class Statuses {
    public static final List<String> ALL = TaskStatus.ALL;

    private Statuses() {
    }

    public static boolean closed(String status) {
        return TaskStatus.closed(status);
    }
}
