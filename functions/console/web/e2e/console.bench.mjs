// Benchmark of the console on a running local system (infra/local/benchmark console). Prints numbers,
// asserts nothing:  node e2e/console.bench.mjs <base url> <build dir> [clocks=1000]
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [base, buildDir, clocksArg] = process.argv.slice(2);
const BASE = base.replace(/\/$/, '');
const CLOCKS = Number(clocksArg || 1000);
const run = Date.now().toString(36);

function files(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(1)} ms`;

// 1. the bundle, compressed as the console function serves it (gzip)
let total = 0;
let firstLoad = 0;
const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
for (const f of files(buildDir)) {
  const size = gzipSync(readFileSync(f)).length;
  total += size;
  const rel = f.slice(buildDir.length + 1);
  if (rel === 'index.html' || html.includes(rel.replace(/\\/g, '/'))) firstLoad += size;
  console.log(`BUNDLE ${rel} ${(statSync(f).size / 1024).toFixed(1)} kB, ${(size / 1024).toFixed(1)} kB gzip`);
}
console.log(`BUNDLE total ${(total / 1024).toFixed(1)} kB gzip (charts included); first load without the charts ${(firstLoad / 1024).toFixed(1)} kB gzip`);

async function post(events) {
  const body = JSON.stringify({ events });
  const ts = Math.floor(Date.now() / 1000).toString();
  const sig = `sha256=${createHmac('sha256', 'demo-webhook-secret').update(`${ts}.${body}`).digest('hex')}`;
  const r = await fetch(`${BASE}/webhooks/demo/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Timestamp': ts, 'X-Signature': sig }, body });
  if (r.status !== 200) throw new Error(`webhook ${r.status} ${await r.text()}`);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const login = await context.newPage();
await login.goto(`${BASE}/`);
await login.fill('input[name=merchant]', 'demo');
await login.fill('input[type=password]', 'demo-manager-token');
await login.click('button[type=submit]');
await login.waitForSelector('[data-test=queue-count]');
const session = await login.evaluate(() => sessionStorage.getItem('replyguard.session'));
await login.close();

// 2. first load: a signed-in manager opens the console; usable = the queue's first answer is on screen
await post([{ eventId: `${run}-warm`, type: 'customer.message', conversationId: `bench-warm-${run}`, channel: 'DIRECT_MESSAGE', customerId: 'b', occurredAt: new Date().toISOString() }]);
const loads = [];
for (let i = 0; i < 5; i += 1) {
  const page = await context.newPage();
  await page.addInitScript((s) => sessionStorage.setItem('replyguard.session', s), session);
  const t0 = Date.now();
  await page.goto(`${BASE}/?fresh=${i}`);
  await page.waitForSelector(`tr[data-conversation="bench-warm-${run}"]`);
  loads.push(Date.now() - t0);
  await page.close();
}
const l = stats(loads);
console.log(`FIRST LOAD to a usable queue: median ${l.median} ms, max ${l.max} ms (${l.n} loads, signed in, cache cold per page)`);

// 3. the live queue with CLOCKS running clocks (direct messages: 60 s each)
const now = Date.now();
for (let from = 0; from < CLOCKS; from += 500) {
  const events = [];
  for (let i = from; i < Math.min(CLOCKS, from + 500); i += 1) {
    events.push({ eventId: `${run}-${i}`, type: 'customer.message', conversationId: `bench-${run}-${String(i).padStart(4, '0')}`, channel: 'DIRECT_MESSAGE', customerId: `buyer-${i}`, occurredAt: new Date(now - 5_000 + i).toISOString() });
  }
  await post(events);
}
const page = await context.newPage();
await page.addInitScript((s) => sessionStorage.setItem('replyguard.session', s), session);
await page.goto(`${BASE}/`);
await page.waitForFunction((n) => document.querySelectorAll('tr[data-conversation^="bench-"]').length >= n, CLOCKS, { timeout: 30_000 });
const answer = await (await fetch(`${BASE}/merchants/demo/queue?limit=1000`, { headers: { Authorization: 'Bearer demo-manager-token' } })).text();
console.log(`QUEUE answer for ${CLOCKS} clocks: ${(answer.length / 1024).toFixed(0)} kB JSON per poll`);
await page.evaluate(() => { window.__replyguardPerf = { tick: [], update: [] }; window.__frames = []; let last = performance.now(); const f = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(f); }; requestAnimationFrame(f); });
await page.waitForTimeout(10_000);
// one update: the first conversation is answered, its row leaves
await post([{ eventId: `${run}-answer`, type: 'agent.message', conversationId: `bench-${run}-0000`, agentId: 'presales-zhang', occurredAt: new Date().toISOString() }]);
await page.waitForFunction((c) => !document.querySelector(`tr[data-conversation="${c}"]`), `bench-${run}-0000`, { timeout: 5_000 });
const perf = await page.evaluate(() => ({ ...window.__replyguardPerf, frames: window.__frames }));
const ticks = stats(perf.tick);
const updates = stats(perf.update);
const frames = stats(perf.frames.slice(1));
console.log(`TICK with ${CLOCKS} running clocks (every countdown re-rendered, state to DOM patched): median ${ms(ticks.median)}, p95 ${ms(ticks.p95)}, max ${ms(ticks.max)} over ${ticks.n} ticks`);
console.log(`UPDATE applying one poll's answer (${CLOCKS} rows; merge, sort, patch): median ${ms(updates.median)}, max ${ms(updates.max)} over ${updates.n} polls; the answered row's update ${ms(perf.update[perf.update.length - 1])}`);
console.log(`FRAMES while counting down: median ${ms(frames.median)}, p95 ${ms(frames.p95)}, max ${ms(frames.max)} between animation frames (${frames.n} frames)`);
await browser.close();
