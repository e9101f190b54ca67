package dev.acp4j.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Spring Authorization Server authenticates a public client by {@code client_id} alone only on PKCE
 * token requests. RFC 8628 §3.1 / §3.4, RFC 6749 §6 and RFC 7009 §2.1 let a public client identify
 * itself with {@code client_id} on the device authorization, device code, refresh and revocation
 * requests too; this teaches the embedded server that.
 */
final class PublicClientIdAuthentication {

    private PublicClientIdAuthentication() {
    }

    static final class Converter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            String clientId = request.getParameter("client_id");
            if (!"POST".equals(request.getMethod()) || clientId == null
                    || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter("client_secret") != null) {
                return null;
            }
            String path = request.getRequestURI();
            String grantType = request.getParameter("grant_type");
            boolean publicGrant = AuthorizationGrantType.DEVICE_CODE.getValue().equals(grantType)
                    || AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
            if (!path.endsWith("/oauth2/device_authorization") && !path.endsWith("/oauth2/revoke") && !publicGrant) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }

    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || token.getAdditionalParameters().containsKey("code_verifier")) {
                // Not ours: PKCE token requests stay with Spring's own provider, which checks the verifier.
                return null;
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
