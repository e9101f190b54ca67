package dev.acp4j.auth.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A minimal Spring Authorization Server: one public client (no secret, PKCE required, authorization code,
 * device code and refresh grants), one confidential client that may introspect, one user who approves
 * without a consent page. Issuers carry a path ({@code /tenant}) so that RFC 8414 path insertion is exercised.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EmbeddedAuthorizationServer {

    public static final String PUBLIC_CLIENT = "acp4j-cli";
    public static final String INTROSPECTOR = "introspector";
    public static final String INTROSPECTOR_SECRET = "introspector-secret";
    public static final String USER = "alice";
    public static final String PASSWORD = "alice-password";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    public static final String OTHER_PUBLIC_CLIENT = "acp4j-other";
    public static final String SCOPE = "read";

    /** Every request path the server saw, in order. */
    public static final List<String> REQUEST_PATHS = new CopyOnWriteArrayList<>();

    /** The {@code resource} parameter (RFC 8707) of each request that had one, as {@code path resource}. */
    public static final List<String> RESOURCE_PARAMETERS = new CopyOnWriteArrayList<>();

    /** Starts the server on a random port of 127.0.0.1. */
    public static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EmbeddedAuthorizationServer.class)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .run();
    }

    /** {@code http://127.0.0.1:port} of a started server; issuers are below it. */
    public static URI baseUri(ConfigurableApplicationContext server) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort());
    }

    /** Whether the server still takes {@code token}: RFC 7662 introspection by the confidential client. */
    public static boolean active(URI issuer, String token) throws IOException, ParseException {
        TokenIntrospectionRequest request = new TokenIntrospectionRequest(URI.create(issuer + "/oauth2/introspect"),
                new ClientSecretBasic(new ClientID(INTROSPECTOR), new Secret(INTROSPECTOR_SECRET)),
                new BearerAccessToken(token));
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(request.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new IllegalStateException("introspection failed: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse().isActive();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .deviceAuthorizationEndpoint(Customizer.withDefaults())
                        .deviceVerificationEndpoint(Customizer.withDefaults())
                        .authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                                builder -> builder.clientRegistrationEndpoint(AuthorizationServerContextHolder.getContext()
                                        .getIssuer() + DynamicClientRegistrationEndpoint.PATH_SUFFIX)))
                        .clientAuthentication(client -> client
                                .authenticationConverter(new PublicClientIdAuthentication.Converter())
                                .authenticationProvider(new PublicClientIdAuthentication.Provider(clients))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
    }

    @Bean
    RegisteredClientRepository clients() {
        RegisteredClient cli = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(PUBLIC_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT_URI)
                .scope(SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        RegisteredClient introspector = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(INTROSPECTOR)
                .clientSecret("{noop}" + INTROSPECTOR_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        RegisteredClient other = RegisteredClient.from(cli).id(UUID.randomUUID().toString())
                .clientId(OTHER_PUBLIC_CLIENT).build();
        return new InMemoryRegisteredClientRepository(cli, other, introspector);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    FilterRegistrationBean<Filter> requestLog() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            String path = ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI();
            REQUEST_PATHS.add(path);
            if (request.getParameter("resource") != null) {
                RESOURCE_PARAMETERS.add(path + " " + request.getParameter("resource"));
            }
            chain.doFilter(request, response);
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Dynamic client registration (RFC 7591) for public clients; see {@link DynamicClientRegistrationEndpoint}. */
    @Bean
    FilterRegistrationBean<Filter> dynamicClientRegistration(RegisteredClientRepository clients) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new DynamicClientRegistrationEndpoint(clients));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** The count of registrations so far. */
    public static int registrations() {
        return DynamicClientRegistrationEndpoint.REGISTERED.size();
    }

    /** The client ids registered so far, in order. */
    public static List<String> registeredClientIds() {
        return List.copyOf(DynamicClientRegistrationEndpoint.REGISTERED);
    }
}
