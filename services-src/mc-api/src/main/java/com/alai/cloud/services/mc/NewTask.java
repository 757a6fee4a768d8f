package com.alai.cloud.services.mc;

import java.util.List;

/** A validated POST /tasks body. */
public record NewTask(String title, String description, String status, String assignee, List<String> tags,
                      Integer priority) {
}
