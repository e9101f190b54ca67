package dev.acp4j.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which providers a gated request needs: what the agent says ({@link Agent#requiredProviders}) and
 * what the configuration's {@code configOptionProviders} maps the session's option values to.
 * Empty means any usable provider admits the request.
 */
final class ProviderRequirements {

    private final Agent agent;
    private final Map<String, Map<String, String>> optionProviders;

    ProviderRequirements(Agent agent, Map<String, Map<String, String>> optionProviders) {
        this.agent = agent;
        this.optionProviders = optionProviders == null ? Map.of() : optionProviders;
    }

    List<String> of(GatedRequest request) {
        Set<String> providers = new LinkedHashSet<>();
        List<String> named = agent.requiredProviders(request);
        if (named != null) {
            named.stream().filter(p -> p != null && !p.isBlank()).forEach(providers::add);
        }
        for (Map.Entry<String, Map<String, String>> option : optionProviders.entrySet()) {
            String value = request.configValue(option.getKey());
            String provider = value == null ? null : option.getValue().get(value);
            if (provider != null) {
                providers.add(provider);
            }
        }
        return List.copyOf(providers);
    }
}
