package com.replyguard.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the console signs a manager in, from the function's environment (template.yaml): locally
 * (the runner sets {@code MERCHANTS_FILE}) with a manager token of the merchants file; in AWS through
 * the Cognito user pool's hosted login, authorization code with PKCE (S256), whose access token the
 * HTTP API's JWT authorizer checks. {@code GET /console/config} answers it; nothing secret is in it
 * (a public client has no secret).
 */
record ConsoleConfig(String login, String domain, String clientId, String redirectUri, List<String> scopes) {
    static final String PATH = "console/config";
    /** Its own route in template.yaml (so no page or asset can ever shadow it). */
    static final String ROUTE = "GET /console/config";
    /** What the console asks Cognito for: the scope the manager routes require (template.yaml), and an ID token. */
    static final List<String> SCOPES = List.of("openid", "email");

    static ConsoleConfig from(Map<String, String> env) {
        if (env.get("MERCHANTS_FILE") != null) {
            return new ConsoleConfig("local", null, null, null, List.of());
        }
        String domain = env.getOrDefault("COGNITO_DOMAIN", "");
        String url = env.getOrDefault("CONSOLE_URL", "");
        return new ConsoleConfig("cognito", domain.isEmpty() ? null : domain,
                env.getOrDefault("COGNITO_CLIENT_ID", null), url.isEmpty() ? null : url, SCOPES);
    }

    Map<String, Object> answer() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", login);
        if (login.equals("cognito")) {
            m.put("domain", domain);
            m.put("clientId", clientId);
            m.put("redirectUri", redirectUri);
            m.put("scopes", scopes);
            // the hosted login needs the console's own URL registered on the app client (docs/deploy.md)
            m.put("ready", domain != null && clientId != null && redirectUri != null);
        }
        return m;
    }

    /** The Cognito domain the page posts the code to (its token endpoint), for the page's connect-src. */
    String connectSource() {
        return domain == null ? "" : domain;
    }
}
