// Cognito hosted login, authorization code with PKCE (S256) for a public client (no secret).

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh code verifier: 32 random bytes, base64url (43 characters, within RFC 7636's 43-128). */
export function newVerifier(random = (n) => crypto.getRandomValues(new Uint8Array(n))) {
  return base64url(random(32));
}

/** BASE64URL(SHA-256(verifier)), the S256 code challenge. */
export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The hosted login's authorize URL. */
export function authorizeUrl(config, challenge, state) {
  const q = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: config.scopes.join(' '),
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  return `${config.domain}/oauth2/authorize?${q}`;
}

/** The token request's form body for the code (public client: no Authorization header). */
export function tokenRequestBody(config, code, verifier) {
  return new URLSearchParams({
    grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: config.redirectUri, code_verifier: verifier,
  }).toString();
}

/** The claims of a JWT (read, not verified: the API's JWT authorizer verifies every request). */
export function claimsOf(jwt) {
  const part = jwt.split('.')[1];
  if (!part) return {};
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(decodeURIComponent(escape(json)));
}

export function logoutUrl(config) {
  const q = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri });
  return `${config.domain}/logout?${q}`;
}
