package dev.acp4j.auth.store;

import java.nio.file.Path;
import java.time.Instant;

/** Child-process half of the two-process test: {@code FILE PREFIX COUNT}. */
public final class ConcurrentPutMain {

    private ConcurrentPutMain() {
    }

    public static void main(String[] args) {
        CredentialStore store = new CredentialStore(Path.of(args[0]));
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String key = prefix + "-" + i;
            store.put(key, StoredCredential.apiKey(key, "key-page", "secret-" + key, Instant.now()));
        }
    }
}
