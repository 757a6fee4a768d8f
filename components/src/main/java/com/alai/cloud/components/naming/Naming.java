package com.alai.cloud.components.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one source of resource names and tags (Cloud Adoption Framework style).
 *
 * <p>Regional names read {@code <abbr>-<prefix>[-<workload>]-<env>-<region>}, e.g. {@code rg-alai-dev-swc}.
 * Names Azure requires to be globally unique carry a suffix hashed from the subscription and environment,
 * so every run, on every machine, yields the same name.
 */
public record Naming(String prefix, String env, String location, String uniqueSuffix, Map<String, String> baseTags) {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]{1,9}");
    private static final Pattern WORKLOAD = Pattern.compile("[a-z][a-z0-9-]{0,19}[a-z0-9]");

    public Naming {
        Objects.requireNonNull(location, "location");
        if (!WORD.matcher(prefix).matches()) {
            throw new IllegalArgumentException("name prefix '" + prefix + "' must be 2-10 lowercase letters/digits");
        }
        if (!WORD.matcher(env).matches()) {
            throw new IllegalArgumentException("environment '" + env + "' must be 2-10 lowercase letters/digits");
        }
        Regions.abbreviation(location);
        baseTags = Map.copyOf(baseTags);
    }

    /** Names for a subscription: the unique suffix is the first 6 hex digits of SHA-256(subscription/prefix/env). */
    public static Naming forSubscription(String prefix, String env, String location, String subscriptionId,
                                         Map<String, String> baseTags) {
        return new Naming(prefix, env, location, suffix(subscriptionId + "/" + prefix + "/" + env), baseTags);
    }

    public String region() {
        return Regions.abbreviation(location);
    }

    public String resourceGroup() {
        return regional(Kind.RESOURCE_GROUP, null);
    }

    /** A regional name; {@code workload} may be null for the environment's single instance of a kind. */
    public String regional(Kind kind, String workload) {
        if (kind.globallyUnique()) {
            throw new IllegalArgumentException(kind + " needs a globally unique name: use global()");
        }
        var sb = new StringBuilder(kind.abbreviation()).append('-').append(prefix);
        if (workload != null) {
            if (!WORKLOAD.matcher(workload).matches()) {
                throw new IllegalArgumentException("workload '" + workload + "' must be lowercase letters, digits and '-'");
            }
            sb.append('-').append(workload);
        }
        String name = sb.append('-').append(env).append('-').append(region()).toString();
        return kind.checkLength(name);
    }

    /** A globally unique name: hyphen-free where Azure forbids hyphens (registry, storage account). */
    public String global(Kind kind) {
        if (!kind.globallyUnique()) {
            throw new IllegalArgumentException(kind + " is regional: use regional()");
        }
        String name = kind.hyphens()
                ? String.join("-", kind.abbreviation(), prefix, env, region(), uniqueSuffix)
                : kind.abbreviation() + prefix + env + region() + uniqueSuffix;
        return kind.checkLength(name);
    }

    /** Required tags for a resource of the given phase; the base tags from config come first. */
    public Map<String, String> tags(String phase) {
        var tags = new LinkedHashMap<>(baseTags);
        tags.put(Tags.ENV, env);
        tags.put(Tags.PHASE, phase);
        tags.putIfAbsent(Tags.MANAGED_BY, "pulumi");
        return Map.copyOf(tags);
    }

    /** Whether {@code name} is one this helper would produce for some workload of {@code kind}. */
    public boolean follows(Kind kind, String name) {
        if (kind.globallyUnique()) {
            return global(kind).equals(name);
        }
        String head = kind.abbreviation() + "-" + prefix + "-";
        String tail = "-" + env + "-" + region();
        return name.equals(head.substring(0, head.length() - 1) + tail)
                || (name.startsWith(head) && name.endsWith(tail)
                    && WORKLOAD.matcher(name.substring(head.length(), name.length() - tail.length())).matches());
    }

    static String suffix(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
