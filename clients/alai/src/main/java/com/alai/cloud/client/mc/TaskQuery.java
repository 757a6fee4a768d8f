package com.alai.cloud.client.mc;

/** `alai mc list`'s filters, as mc-api's GET /tasks takes them; {@code status} null means any status. */
public record TaskQuery(String status, String assignee, String tag, String text, int limit, String cursor) {
}
