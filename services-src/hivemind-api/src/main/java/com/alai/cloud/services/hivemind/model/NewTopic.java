package com.alai.cloud.services.hivemind.model;

/** A validated request to create a topic. */
public record NewTopic(String name, Retention retention, Acl publishers, Acl subscribers) {
}
