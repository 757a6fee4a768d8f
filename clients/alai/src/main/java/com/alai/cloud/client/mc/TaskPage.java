package com.alai.cloud.client.mc;

import java.util.List;

/** A page of tasks and the cursor of the next one (null on the last page): GET /tasks's body. */
public record TaskPage(List<TaskView> items, String nextCursor) {
}
