package com.alai.cloud.stacks.contracts;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import java.util.List;

/** Reading typed values out of a StackReference; a missing output fails the program naming stack and key. */
final class Outputs {
    private Outputs() {
    }

    static Output<String> string(StackReference ref, String key) {
        return ref.requireOutput(key).applyValue(value -> {
            if (!(value instanceof String text)) {
                throw new IllegalStateException("stack output '" + key + "' is " + describe(value)
                        + ", expected text; deploy the earlier phase first");
            }
            return text;
        });
    }

    @SuppressWarnings("unchecked")
    static Output<List<String>> strings(StackReference ref, String key) {
        return ref.requireOutput(key).applyValue(value -> {
            if (!(value instanceof List<?> list)) {
                throw new IllegalStateException("stack output '" + key + "' is " + describe(value) + ", expected a list");
            }
            return (List<String>) list.stream().map(String::valueOf).toList();
        });
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value.getClass().getSimpleName();
    }
}
