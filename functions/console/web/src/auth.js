// Signing in: locally with a manager token of the merchants file; in AWS through the Cognito hosted
// login (authorization code + PKCE), sending the access token on every API call.
import { call, saveSession, clearSession, apiRoot } from './api.js';
import { newVerifier, challengeOf, authorizeUrl, tokenRequestBody, claimsOf, logoutUrl } from './logic/pkce.js';

const PKCE_KEY = 'replyguard.pkce';

export async function loadConfig() {
  const r = await fetch(`${apiRoot()}console/config`, { cache: 'no-store' });
  if (!r.ok) throw new Error(`console/config ${r.status}`);
  return r.json();
}

/** Who the token belongs to, as the API sees it: merchant, role, team, whether they may act. */
export async function signIn(merchantId, token, login) {
  const me = await call('GET', `merchants/${encodeURIComponent(merchantId)}/me`, { token });
  saveSession({ token, merchantId: me.merchantId, role: me.role, team: me.team, mayChange: me.mayChange, login });
  return me;
}

export async function startCognitoLogin(config) {
  const verifier = newVerifier();
  const state = newVerifier();
  // the view asked for (a robot message's link to a conversation) survives the hosted login, whose
  // redirect URI is the console's address without a fragment
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, view: location.hash }));
  location.assign(authorizeUrl(config, await challengeOf(verifier), state));
}

/** Back from the hosted login with ?code=&state=: exchange the code (with the verifier) for tokens. */
export async function finishCognitoLogin(config) {
  const q = new URLSearchParams(location.search);
  const code = q.get('code');
  if (!code) return false;
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  const view = saved?.view || location.hash;
  history.replaceState(null, '', location.pathname + view);
  if (view) window.dispatchEvent(new HashChangeEvent('hashchange'));
  if (!saved || saved.state !== q.get('state')) throw new Error('state mismatch');
  const r = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: tokenRequestBody(config, code, saved.verifier),
  });
  if (!r.ok) throw new Error(`token ${r.status}`);
  const tokens = await r.json();
  const merchant = claimsOf(tokens.id_token)['custom:merchant'];
  await signIn(merchant, tokens.access_token, 'cognito');
  return true;
}

export function logout(config) {
  clearSession();
  if (config && config.login === 'cognito' && config.ready) location.assign(logoutUrl(config));
}
