import { describe, expect, it } from 'vitest';
import { newVerifier, challengeOf, authorizeUrl, tokenRequestBody, claimsOf } from '../src/logic/pkce.js';
import { forecastWords } from '../src/logic/forecast.js';
import { cycleOf, previousCycle, lastCycles, chinaDayStart } from '../src/logic/cycles.js';
import { covers, dutyOf } from '../src/logic/shifts.js';
import { parse, href } from '../src/router.js';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of the RFC\'s example verifier', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('makes a 43-character base64url verifier', () => {
    const v = newVerifier();
    expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newVerifier()).not.toBe(v);
  });
  it('asks for a code with S256 and sends the verifier without a client secret', () => {
    const config = { domain: 'https://shop.auth.ap-northeast-1.amazoncognito.com', clientId: 'abc', redirectUri: 'https://x.example/dev/', scopes: ['openid', 'email'] };
    const url = new URL(authorizeUrl(config, 'CH', 'ST'));
    expect(url.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: 'code', client_id: 'abc', redirect_uri: 'https://x.example/dev/', scope: 'openid email', state: 'ST', code_challenge: 'CH', code_challenge_method: 'S256' });
    expect(Object.fromEntries(new URLSearchParams(tokenRequestBody(config, 'CODE', 'VER')))).toEqual({ grant_type: 'authorization_code', client_id: 'abc', code: 'CODE', redirect_uri: 'https://x.example/dev/', code_verifier: 'VER' });
  });
  it('reads the claims of a token, Chinese included', () => {
    const payload = Buffer.from(JSON.stringify({ 'custom:merchant': 'demo', name: '张三' })).toString('base64url');
    expect(claimsOf(`h.${payload}.s`)).toEqual({ 'custom:merchant': 'demo', name: '张三' });
  });
});

describe('the forecast in words uses only the API\'s numbers', () => {
  it('says how many more misses the cycle can take', () => {
    expect(forecastWords({ missesAllowedForRestOfCycle: 35, headroomNow: 5, metInARowToRecover: 0, cycleOver: false }, { total: 100 }))
      .toEqual([{ key: 'cycle.missesAllowed', params: { n: 35 } }, { key: 'cycle.headroom', params: { n: 5 } }]);
  });
  it('says how many met in a row recover a failing metric', () => {
    expect(forecastWords({ missesAllowedForRestOfCycle: -3, headroomNow: -5, metInARowToRecover: 34, cycleOver: false }, { total: 100 }))
      .toEqual([{ key: 'cycle.overTarget', params: { n: 3 } }, { key: 'cycle.recover', params: { n: 34 } }]);
  });
  it('says nothing when nothing was assessed or the cycle is over', () => {
    expect(forecastWords({ missesAllowedForRestOfCycle: 0 }, { total: 0 })).toEqual([]);
    expect(forecastWords({ missesAllowedForRestOfCycle: 4, cycleOver: true }, { total: 9 })).toEqual([]);
  });
});

describe('cycles, shifts, views', () => {
  it('names the half-month cycles in China time', () => {
    expect(cycleOf('2026-10-15T15:59:59Z')).toBe('2026-10-H1');
    expect(cycleOf('2026-10-15T16:00:00Z')).toBe('2026-10-H2');
    expect(previousCycle('2026-01-H1')).toBe('2025-12-H2');
    expect(lastCycles('2026-03-H1', 6)).toEqual(['2025-12-H2', '2026-01-H1', '2026-01-H2', '2026-02-H1', '2026-02-H2', '2026-03-H1']);
    expect(chinaDayStart('2026-10-02T17:00:00Z')).toBe('2026-10-03T00:00:00+08:00');
  });
  it('reads a roster shift as [from, to) in China time, past midnight too', () => {
    const day = { name: 'day', from: '08:30', to: '16:30', agents: ['zhang'] };
    const night = { name: 'night', from: '16:00', to: '24:00', agents: ['li'] };
    const late = { name: 'late', from: '22:00', to: '06:00', agents: ['wang'] };
    expect(covers(day, '2026-10-03T08:30:00+08:00')).toBe(true);
    expect(covers(day, '2026-10-03T16:30:00+08:00')).toBe(false);
    expect(covers(night, '2026-10-03T23:59:00+08:00')).toBe(true);
    expect(covers(late, '2026-10-04T05:59:00+08:00')).toBe(true);
    expect(covers(late, '2026-10-04T06:00:00+08:00')).toBe(false);
    expect(dutyOf('zhang', [day, night], '2026-10-03T10:00:00+08:00')).toBe('on');
    expect(dutyOf('li', [day, night], '2026-10-03T10:00:00+08:00')).toBe('off');
    expect(dutyOf('chen', [day, night], '2026-10-03T10:00:00+08:00')).toBe(null);
  });
  it('opens a conversation from a link and falls back to the queue', () => {
    expect(parse('#/conversations/live%2F1')).toEqual({ name: 'conversation', params: { id: 'live/1' } });
    expect(href('conversation', { id: 'live/1' })).toBe('#/conversations/live%2F1');
    expect(parse('#/nonsense')).toEqual({ name: 'queue', params: {} });
    expect(parse('')).toEqual({ name: 'queue', params: {} });
  });
});
