package com.alai.cloud.services.hivemind.codec;

import java.util.regex.Pattern;

/** What a topic, group, header, claim and idempotency key may be called (mirrored by the schema's CHECKs). */
public final class Names {
    public static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    public static final Pattern GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern HEADER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private Names() {
    }
}
