package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a Jackson binding failure into a {@link ConfigException} whose key is the Pulumi property path of the bad
 * value ({@code budgets.dev-phase2}, {@code policyWaivers[3].expires}), the path `pulumi config set --path` takes.
 */
final class BindingErrors {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private BindingErrors() {
    }

    static ConfigException of(String key, JsonMappingException e) {
        return new ConfigException(path(key, e.getPath()), problem(e));
    }

    /** The path of entry {@code name} of mapping {@code key}: {@code budgets.dev-phase2}, or {@code budgets["a b"]}. */
    static String child(String key, String name) {
        return key + (PLAIN_NAME.matcher(name).matches() ? "." + name : "[\"" + name.replace("\"", "\\\"") + "\"]");
    }

    static String path(String key, List<JsonMappingException.Reference> references) {
        var path = new StringBuilder(key);
        for (JsonMappingException.Reference reference : references) {
            String name = reference.getFieldName();
            if (name != null) {
                path = new StringBuilder(child(path.toString(), name));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field here; expected one of " + unknown.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of the expected type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (YAML sequence)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (YAML object)";
        }
        return "a " + type.getSimpleName();
    }
}
