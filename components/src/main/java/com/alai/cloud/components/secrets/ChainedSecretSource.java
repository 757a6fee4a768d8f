package com.alai.cloud.components.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Tries each source in order; the first that has the reference wins. */
public final class ChainedSecretSource implements SecretSource {
    private final List<SecretSource> sources;

    public ChainedSecretSource(List<SecretSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one secret source is needed");
        }
        this.sources = List.copyOf(sources);
    }

    @Override
    public String resolve(SecretRef ref) {
        List<String> reasons = new ArrayList<>();
        for (SecretSource source : sources) {
            try {
                return source.resolve(ref);
            } catch (SecretNotFoundException e) {
                reasons.add(e.reason());
            }
        }
        throw new SecretNotFoundException(ref, "any source", String.join("; ", reasons));
    }

    @Override
    public String describe() {
        return sources.stream().map(SecretSource::describe).collect(Collectors.joining(" then "));
    }
}
