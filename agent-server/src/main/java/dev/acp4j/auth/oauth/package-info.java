/**
 * The OAuth 2 client side of acp4j, for a public client (no secret) on Nimbus OAuth 2.0 SDK:
 * authorization server discovery (RFC 8414, OpenID Connect Discovery), the authorization code grant
 * with PKCE S256 (RFC 6749 §4.1, RFC 7636), the device authorization grant (RFC 8628), refresh
 * (RFC 6749 §6) and revocation (RFC 7009), with resource indicators (RFC 8707) where they apply;
 * and a provider's own exchange of the OAuth token for a short-lived API token ({@link dev.acp4j.auth.oauth.TokenExchange}).
 *
 * <p>Nothing here listens for redirects, opens browsers or stores credentials; callers do. No message,
 * {@code toString()} or log line carries a token, authorization code, code verifier or device code.
 */
package dev.acp4j.auth.oauth;
