package dev.acp4j.auth;

import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credentials in a store that belong to one agent: those of the providers its auth methods
 * name, and the MCP servers' tokens it obtained ({@code mcp:<url>}, marked with its name). Two agents
 * may share a store file; neither logout touches the other's credentials.
 */
public final class AgentCredentials {

    /** The attribute naming the agent that stored an MCP server's token. */
    public static final String AGENT_ATTRIBUTE = "agent";
    private static final String MCP_PREFIX = "mcp:";

    private final AgentIdentity identity;
    private final AuthMethodRegistry registry;
    private final CredentialStore store;
    private final CredentialRevoker revoker;

    /**
     * The credentials of {@code identity}, whose methods are {@code registry}'s, in {@code store}.
     *
     * @param identity the agent whose credentials these are
     * @param registry the agent's configured auth methods
     * @param store the credential file
     * @param revoker revokes OAuth tokens at their server when they are erased
     */
    public AgentCredentials(AgentIdentity identity, AuthMethodRegistry registry, CredentialStore store,
                            CredentialRevoker revoker) {
        this.identity = identity;
        this.registry = registry;
        this.store = store;
        this.revoker = revoker;
    }

    /** {@return the providers this agent's methods name, in preference order} */
    public List<String> providers() {
        Set<String> providers = new LinkedHashSet<>();
        registry.all().forEach(m -> providers.add(m.provider()));
        return new ArrayList<>(providers);
    }

    /**
     * Whether {@code provider} is one of this agent's: named by its methods, or the provider (or
     * MCP key) of a credential it stored.
     *
     * @param provider a provider name or MCP key
     * @return true when it is this agent's
     */
    public boolean knows(String provider) {
        return providers().contains(provider)
                || stored().keySet().stream().anyMatch(key -> CredentialStore.provider(key).equals(provider));
    }

    /**
     * Whether the stored entry {@code key} is this agent's.
     *
     * @param key the entry's key in the credential file
     * @param credential the entry
     * @return true when it is this agent's
     */
    public boolean owns(String key, StoredCredential credential) {
        if (key.startsWith(MCP_PREFIX)) {
            String agent = credential.attributes().get(AGENT_ATTRIBUTE);
            // tokens stored before agents had their own identity were the built-in agent's
            return identity.name().equals(agent == null ? AgentIdentity.ACP4J.name() : agent);
        }
        return providers().contains(CredentialStore.provider(key));
    }

    /**
     * This agent's stored credentials, by key (a provider's OAuth credential and API key have two keys, see {@link CredentialStore#key}).
     *
     * @return the credentials, by key
     */
    public Map<String, StoredCredential> stored() {
        Map<String, StoredCredential> owned = new LinkedHashMap<>();
        store.all().forEach((key, credential) -> {
            if (owns(key, credential)) {
                owned.put(key, credential);
            }
        });
        return owned;
    }

    /**
     * Revokes (where the server offers it) and erases this agent's stored credentials: all of them,
     * or only those of {@code provider} (both kinds) when it is not null.
     *
     * @param provider a provider id or an MCP key ({@code mcp:<url>}), or null for all
     * @return the providers (or MCP keys) whose credentials were erased, each once
     */
    public List<String> erase(String provider) {
        Map<String, StoredCredential> chosen = new LinkedHashMap<>(stored());
        if (provider != null) {
            chosen.keySet().removeIf(key -> !CredentialStore.provider(key).equals(provider));
        }
        revoker.revokeAll(chosen.values());
        return store.update(credentials -> {
            Set<String> erased = new LinkedHashSet<>();
            for (String erasedKey : chosen.keySet()) {
                if (credentials.remove(erasedKey) != null) {
                    erased.add(CredentialStore.provider(erasedKey));
                }
            }
            return List.copyOf(erased);
        });
    }
}
