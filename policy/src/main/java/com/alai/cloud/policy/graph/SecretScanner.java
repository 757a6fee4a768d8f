package com.alai.cloud.policy.graph;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.InputArgs;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds which input paths of a typed args object are secret. The mock engine strips the secret flag from the
 * inputs it sees, so secretness is read from the program's own typed args, after the run has resolved them.
 */
final class SecretScanner {
    private SecretScanner() {
    }

    static Set<String> secretPaths(Object args) {
        var paths = new HashSet<String>();
        walk(args, "", paths, 0);
        return paths;
    }

    private static void walk(Object value, String path, Set<String> paths, int depth) {
        if (value == null || depth > 20) {
            return;
        }
        if (value instanceof Output<?> output) {
            OutputData<?> data = resolve(output);
            if (data == null) {
                return;
            }
            if (data.isSecret()) {
                paths.add(path);
            }
            walk(data.getValueNullable(), path, paths, depth + 1);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", paths, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, join(path, String.valueOf(k)), paths, depth + 1));
        } else if (value instanceof InputArgs) {
            for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    Import input = field.getAnnotation(Import.class);
                    if (input != null) {
                        walk(read(field, value), join(path, input.name()), paths, depth + 1);
                    }
                }
            }
        }
    }

    private static OutputData<?> resolve(Output<?> output) {
        try {
            return Internal.of(output).getDataAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
