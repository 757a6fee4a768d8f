package com.alai.cloud.policy.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checked-in list of upstream rules (Checkov, PSRule for Azure) that apply to what the stacks declare, read from
 * {@code upstream-rules.json}. Whether a rule is mirrored is not recorded there: it is whatever an ALAI rule's
 * {@code mirrors} names, so the list and the catalog cannot disagree silently.
 */
public record UpstreamRules(LocalDate readOn, String criterion, List<Source> sources, List<Upstream> applicable,
                            List<NotApplicable> notApplicable) {
    private static final String RESOURCE = "/upstream-rules.json";

    /** One rule set, and the commit its rules were read at. */
    public record Source(String name, String repository, String commit, String scope) {
    }

    /** Why an applicable rule is not mirrored, and when that was decided. */
    public record Declined(LocalDate date, String reason) {
    }

    public record Upstream(String source, String id, String resource, String title, Declined declined) {
        public Optional<Declined> decline() {
            return Optional.ofNullable(declined);
        }
    }

    /** Rules read and left out of the count, with the reason (another resource type, another SKU, runtime data). */
    public record NotApplicable(String source, List<String> ids, String reason) {
    }

    public UpstreamRules {
        sources = List.copyOf(sources);
        applicable = List.copyOf(applicable);
        notApplicable = List.copyOf(notApplicable);
    }

    public static UpstreamRules load() {
        try (InputStream in = UpstreamRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the policy jar");
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).readValue(in, UpstreamRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<Upstream> of(String source) {
        return applicable.stream().filter(u -> u.source().equals(source)).toList();
    }

    public Set<String> ids() {
        return applicable.stream().map(Upstream::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The ALAI rules that mirror {@code upstreamId}. */
    public static List<Rule> mirroring(String upstreamId, List<Rule> rules) {
        return rules.stream().filter(r -> r.mirrors().contains(upstreamId)).toList();
    }

    /** Share of {@code source}'s applicable rules an ALAI rule mirrors, in percent. */
    public double mirroredPercent(String source, List<Rule> rules) {
        List<Upstream> set = of(source);
        long mirrored = set.stream().filter(u -> !mirroring(u.id(), rules).isEmpty()).count();
        return set.isEmpty() ? 0 : 100.0 * mirrored / set.size();
    }
}
