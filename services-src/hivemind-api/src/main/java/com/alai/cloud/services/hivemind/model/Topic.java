package com.alai.cloud.services.hivemind.model;

import java.time.Instant;

/**
 * A topic and where its log stands: offsets {@code firstOffset..lastOffset} are retained ({@code lastOffset} is 0
 * before the first message; {@code firstOffset > lastOffset} when retention removed everything).
 * A null ACL means open to every authenticated caller.
 */
public record Topic(String name, Retention retention, Acl publishers, Acl subscribers, long firstOffset,
                    long lastOffset, Instant createdAt) {
}
