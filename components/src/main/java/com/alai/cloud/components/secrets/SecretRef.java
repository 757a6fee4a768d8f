package com.alai.cloud.components.secrets;

import java.util.Locale;
import java.util.regex.Pattern;

/** A reference to one field of one Bitwarden item, written {@code bw:ITEM#FIELD}. */
public record SecretRef(String item, String field) {
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,99}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}");

    public SecretRef {
        if (item == null || !ITEM.matcher(item).matches()) {
            throw new IllegalArgumentException("secret item '" + item + "' must be 1-100 of letters, digits, space, . _ / -");
        }
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("secret field '" + field + "' must be 1-60 of letters, digits, space, _ . -");
        }
    }

    /** Parses {@code bw:ITEM#FIELD}; the field defaults to {@code password}. */
    public static SecretRef parse(String text) {
        if (text == null || !text.startsWith("bw:")) {
            // The text is not echoed: an operator may have pasted the secret itself here.
            throw new IllegalArgumentException("is not a Bitwarden binding; it must look like bw:ITEM#FIELD");
        }
        String body = text.substring(3);
        int hash = body.lastIndexOf('#');
        return hash < 0 ? new SecretRef(body, "password") : new SecretRef(body.substring(0, hash), body.substring(hash + 1));
    }

    /** The environment variable a CI source reads this reference from, e.g. {@code ALAI_SECRET_PG_ADMIN_PASSWORD}. */
    public String envName() {
        return ("ALAI_SECRET_" + item + "_" + field).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    @Override
    public String toString() {
        return "bw:" + item + "#" + field;
    }
}
