package dev.acp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acp4j.auth.oauth.AuthorizationCodeFlow;
import dev.acp4j.auth.oauth.AuthorizationRequestState;
import dev.acp4j.auth.oauth.AuthorizationServerDiscovery;
import dev.acp4j.auth.oauth.OAuthEndpoints;
import dev.acp4j.auth.oauth.TokenSet;
import dev.acp4j.auth.store.CredentialStore;
import dev.acp4j.auth.store.StoredCredential;
import dev.acp4j.testing.QueryString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OAuthTokenRefresher} against a real mock-oauth2-server on 127.0.0.1: refresh only when less than
 * five minutes remain, exactly one refresh however many callers (threads, or refreshers over the same store
 * file as two processes would have), {@code invalid_grant} signs the user out, and a server that cannot be
 * reached keeps a still-valid token working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthTokenRefresherTest {

    private static final String CLIENT_ID = "acp4j-test";
    private static final String PROVIDER = "example";
    private static final String METHOD_ID = "example-oauth";

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private URI issuer;
    private OAuthEndpoints endpoints;

    @TempDir
    Path dir;
    private CredentialStore store;

    @BeforeAll
    void startServer() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        issuer = URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/default");
        endpoints = new AuthorizationServerDiscovery().discover(issuer);
    }

    @AfterAll
    void stopServer() {
        server.shutdown();
    }

    @BeforeEach
    void emptyStore() {
        store = new CredentialStore(dir.resolve("credentials.json"));
        takeAll();
    }

    @Test
    void aCredentialWithHoursLeftIsReturnedAsItIsWithoutAskingTheServer() throws Exception {
        StoredCredential stored = store(signIn(), Instant.now().plus(Duration.ofHours(3)));
        takeAll();

        Optional<StoredCredential> fresh = refresher().ensureFresh(PROVIDER, stored);

        assertThat(fresh).contains(stored);
        assertThat(takeAll()).as("requests the server saw").isEmpty();
        assertThat(store.get(PROVIDER)).contains(stored);
    }

    @Test
    void aCredentialExpiringWithinFiveMinutesIsRefreshedAndTheNewTokenStored() throws Exception {
        TokenSet tokens = signIn();
        StoredCredential stored = store(tokens, Instant.now().plus(Duration.ofMinutes(1)));
        takeAll();

        StoredCredential fresh = refresher().ensureFresh(PROVIDER, stored).orElseThrow();

        assertThat(fresh.secret()).isNotBlank().isNotEqualTo(tokens.accessToken());
        assertThat(fresh.refreshToken()).isNotBlank();
        assertThat(fresh.expiresAt()).isAfter(Instant.now().plus(OAuthTokenRefresher.REFRESH_MARGIN));
        assertThat(fresh.attributes()).isEqualTo(stored.attributes());
        assertThat(store.get(PROVIDER)).as("what the store holds now").contains(fresh);
        List<Map<String, String>> refreshes = refreshRequests(takeAll());
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0))
                .containsEntry("refresh_token", tokens.refreshToken())
                .containsEntry("client_id", CLIENT_ID)
                .doesNotContainKey("resource");
    }

    @Test
    void aCredentialIssuedForAResourceIsRefreshedForThatResource() throws Exception {
        TokenSet tokens = signIn();
        Map<String, String> attributes = attributes(endpoints.tokenEndpoint().toString());
        attributes.put(OAuthSignIn.RESOURCE, "https://mcp.example.com/mcp");
        String key = "mcp:https://mcp.example.com/mcp";
        StoredCredential stored = StoredCredential.oauth2("https://mcp.example.com/mcp", "mcp-oauth", tokens.accessToken(),
                tokens.refreshToken(), Instant.now().plus(Duration.ofMinutes(1)), Instant.now(), attributes);
        store.put(key, stored);
        takeAll();

        StoredCredential fresh = refresher().ensureFresh(key, stored).orElseThrow();

        assertThat(fresh.secret()).isNotEqualTo(tokens.accessToken());
        assertThat(store.get(key)).contains(fresh);
        List<Map<String, String>> refreshes = refreshRequests(takeAll());
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0)).containsEntry("resource", "https://mcp.example.com/mcp");
    }

    @Test
    void eightThreadsAtOnceCauseOneRefreshAndAllGetTheSameFreshToken() throws Exception {
        TokenSet tokens = signIn();
        StoredCredential stale = store(tokens, Instant.now().plus(Duration.ofMinutes(1)));
        takeAll();
        OAuthTokenRefresher refresher = refresher();

        List<StoredCredential> results = concurrently(8, i -> refresher.ensureFresh(PROVIDER, stale).orElseThrow());

        assertThat(refreshRequests(takeAll())).as("refresh requests the server saw").hasSize(1);
        String fresh = store.get(PROVIDER).orElseThrow().secret();
        assertThat(fresh).isNotEqualTo(tokens.accessToken());
        assertThat(results).hasSize(8).allSatisfy(result -> assertThat(result.secret()).isEqualTo(fresh));
    }

    @Test
    void twoRefreshersOverTheSameFileAsTwoProcessesWouldHaveCauseOneRefresh() throws Exception {
        TokenSet tokens = signIn();
        StoredCredential stale = store(tokens, Instant.now().plus(Duration.ofMinutes(1)));
        takeAll();
        Path file = store.path();
        List<OAuthTokenRefresher> processes = List.of(
                new OAuthTokenRefresher(new CredentialStore(file), Clock.systemUTC()),
                new OAuthTokenRefresher(new CredentialStore(file), Clock.systemUTC()));

        List<StoredCredential> results = concurrently(4,
                i -> processes.get(i % 2).ensureFresh(PROVIDER, stale).orElseThrow());

        assertThat(refreshRequests(takeAll())).as("refresh requests the server saw").hasSize(1);
        String fresh = store.get(PROVIDER).orElseThrow().secret();
        assertThat(fresh).isNotEqualTo(tokens.accessToken());
        assertThat(results).allSatisfy(result -> assertThat(result.secret()).isEqualTo(fresh));
    }

    @Test
    void invalidGrantSignsTheUserOutOfThatProviderOnly() throws Exception {
        StoredCredential unknown = StoredCredential.oauth2(PROVIDER, METHOD_ID, "an-access-token",
                "not-a-real-refresh-token", Instant.now().plus(Duration.ofMinutes(1)), Instant.now(),
                attributes(issuer + "/token"));
        store.put(PROVIDER, unknown);
        StoredCredential other = StoredCredential.apiKey("other", "other-key", "sk-other", Instant.now());
        store.put("other", other);
        takeAll();

        Optional<StoredCredential> fresh = refresher().ensureFresh(PROVIDER, unknown);

        assertThat(fresh).isEmpty();
        assertThat(store.get(PROVIDER)).as("the refused credential is dropped").isEmpty();
        assertThat(store.get("other")).contains(other);
        // The server did refuse this refresh token (not some other request).
        List<Map<String, String>> refreshes = refreshRequests(takeAll());
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0)).containsEntry("refresh_token", "not-a-real-refresh-token");
    }

    @Test
    void anUnreachableTokenEndpointLosesAnExpiredTokenButKeepsAStillValidOne() throws Exception {
        String nowhere = "http://127.0.0.1:" + unusedPort() + "/token";
        StoredCredential expired = StoredCredential.oauth2(PROVIDER, METHOD_ID, "expired-access-token",
                "a-refresh-token", Instant.now().minus(Duration.ofMinutes(1)), Instant.now(), attributes(nowhere));
        store.put(PROVIDER, expired);

        assertThat(refresher().ensureFresh(PROVIDER, expired)).as("an expired token is no use").isEmpty();
        // A network failure is not a refusal: the sign-in stays stored, to be refreshed once the server is back.
        assertThat(store.get(PROVIDER)).contains(expired);

        StoredCredential stillValid = StoredCredential.oauth2(PROVIDER, METHOD_ID, "still-valid-access-token",
                "a-refresh-token", Instant.now().plus(Duration.ofMinutes(2)), Instant.now(), attributes(nowhere));
        store.put(PROVIDER, stillValid);

        assertThat(refresher().ensureFresh(PROVIDER, stillValid)).contains(stillValid);
        assertThat(store.get(PROVIDER)).contains(stillValid);
    }

    @Test
    void aTokenTheServerRejectedIsRefreshedOnceEvenWithHoursLeft() throws Exception {
        TokenSet tokens = signIn();
        StoredCredential stored = store(tokens, Instant.now().plus(Duration.ofHours(3)));
        takeAll();
        OAuthTokenRefresher refresher = refresher();

        StoredCredential fresh = refresher.refreshRejected(PROVIDER, tokens.accessToken()).orElseThrow();
        assertThat(fresh.secret()).isNotEqualTo(stored.secret());
        assertThat(store.get(PROVIDER)).contains(fresh);
        assertThat(refresher.refreshRejected(PROVIDER, tokens.accessToken()))
                .as("a second 401 for the old token finds the new one").contains(fresh);

        assertThat(refreshRequests(takeAll())).as("refresh requests the server saw").hasSize(1);
    }

    @Test
    void aRejectedTokenWithoutRefreshTokenNeedsANewSignIn() {
        StoredCredential noRefresh = StoredCredential.oauth2(PROVIDER, METHOD_ID, "at-no-refresh", null,
                Instant.now().plus(Duration.ofHours(1)), Instant.now(), attributes(endpoints.tokenEndpoint().toString()));
        store.put(PROVIDER, noRefresh);
        takeAll();

        assertThat(refresher().refreshRejected(PROVIDER, "at-no-refresh")).isEmpty();
        assertThat(refresher().refreshRejected("absent", "at-no-refresh")).isEmpty();
        assertThat(takeAll()).isEmpty();
    }

    // --- helpers ---

    private OAuthTokenRefresher refresher() {
        return new OAuthTokenRefresher(store, Clock.systemUTC());
    }

    /** A real sign-in at the mock server (authorization code + PKCE), for a real refresh token. */
    private TokenSet signIn() throws IOException, InterruptedException {
        URI redirectUri = URI.create("http://127.0.0.1:1/callback"); // never called: the test reads Location
        AuthorizationRequestState request = new AuthorizationCodeFlow()
                .start(endpoints, CLIENT_ID, List.of("openid"), redirectUri, null);
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(request.authorizationUrl()).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("authorization endpoint status").isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(redirectUri + "?");
        TokenSet tokens = new AuthorizationCodeFlow().exchange(request, QueryString.of(location));
        assertThat(tokens.refreshToken()).as("the server issued a refresh token").isNotBlank();
        return tokens;
    }

    /** Stores {@code tokens} as OAuthSignIn does, with the given expiry. */
    private StoredCredential store(TokenSet tokens, Instant expiresAt) {
        StoredCredential credential = StoredCredential.oauth2(PROVIDER, METHOD_ID, tokens.accessToken(),
                tokens.refreshToken(), expiresAt, Instant.now(), attributes(endpoints.tokenEndpoint().toString()));
        store.put(PROVIDER, credential);
        return credential;
    }

    private static Map<String, String> attributes(String tokenEndpoint) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(OAuthSignIn.CLIENT_ID, CLIENT_ID);
        attributes.put(OAuthSignIn.TOKEN_ENDPOINT, tokenEndpoint);
        attributes.put("tokenType", "Bearer");
        return attributes;
    }

    @FunctionalInterface
    private interface Call {
        StoredCredential run(int index) throws Exception;
    }

    /** Runs {@code threads} calls released at the same instant by a start gate; returns their results. */
    private static List<StoredCredential> concurrently(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StoredCredential>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return call.run(index);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads at the gate").isTrue();
            go.countDown();
            List<StoredCredential> results = new ArrayList<>();
            for (Future<StoredCredential> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The forms of the {@code grant_type=refresh_token} requests among {@code requests}. */
    private static List<Map<String, String>> refreshRequests(List<RecordedRequest> requests) {
        List<Map<String, String>> refreshes = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if ("POST".equals(request.getMethod())) {
                Map<String, String> form = QueryString.parse(request.getBody().readUtf8());
                if ("refresh_token".equals(form.get("grant_type"))) {
                    refreshes.add(form);
                }
            }
        }
        return refreshes;
    }

    /** Every request the server saw since the last call (it records them all, in order). */
    private List<RecordedRequest> takeAll() {
        List<RecordedRequest> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = poll(200)) != null) {
            requests.add(request);
        }
        return requests;
    }

    private RecordedRequest poll(long millis) {
        try {
            return server.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null;
        }
    }


    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
