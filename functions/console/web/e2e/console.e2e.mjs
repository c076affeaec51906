// End-to-end test of the console in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), against a running local system:
//   node e2e/console.e2e.mjs <base url> <screenshot dir>
// ConsoleEndToEndTest (infra/local) starts the system on a free port and runs this; each scenario
// prints one line "PASS name (detail)" or "FAIL name: why"; the exit code is the number of failures.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, outDir] = process.argv.slice(2);
const BASE = base.replace(/\/$/, '');
mkdirSync(outDir, { recursive: true });
const SECRET = 'demo-webhook-secret';
const TOKENS = { supervisor: 'demo-manager-token', lead: 'demo-teamlead-token', operations: 'demo-operations-token' };
const run = Date.now().toString(36);
let failures = 0;
const consoleErrors = [];

function pass(name, detail = '') {
  console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
}
function fail(name, why) {
  failures += 1;
  console.log(`FAIL ${name}: ${String(why).split('\n')[0]}`);
}
async function scenario(name, fn) {
  try {
    const detail = await fn();
    pass(name, detail);
  } catch (e) {
    fail(name, e.stack || e);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Posts canonical events through the signed webhook, as the platform would. */
async function post(events) {
  const body = JSON.stringify({ events });
  const ts = Math.floor(Date.now() / 1000).toString();
  const sig = `sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`;
  const r = await fetch(`${BASE}/webhooks/demo/events`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Timestamp': ts, 'X-Signature': sig }, body,
  });
  assert(r.status === 200, `webhook answered ${r.status}: ${await r.text()}`);
}
/** The supervisor's calls to the manager API, as the page makes them. */
async function managerApi(method, path, body) {
  const r = await fetch(`${BASE}/merchants/demo/${path}`, {
    method, headers: { Authorization: `Bearer ${TOKENS.supervisor}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  assert(r.ok, `${method} ${path} answered ${r.status}: ${text}`);
  return JSON.parse(text);
}

/** Fields of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

// The merchant's own system, as an alert webhook: it checks the signature (the channel's secret) and
// accepts on /erp; /archive refuses with 403, which the notifier fails at once (never retried).
const HOOK_SECRET = 'e2e-alert-webhook-secret';
const hooked = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const expected = `sha256=${createHmac('sha256', HOOK_SECRET).update(`${req.headers['x-timestamp']}.${body}`).digest('hex')}`;
    hooked.push({ path: req.url, signed: req.headers['x-signature'] === expected, alert: JSON.parse(body) });
    const ok = req.url === '/erp';
    res.writeHead(ok ? 200 : 403, { 'Content-Type': 'application/json' });
    res.end(ok ? '{"ok":true}' : '{"error":"not allowed"}');
  });
});
await new Promise((resolve) => { receiver.listen(0, '127.0.0.1', resolve); });
const hookBase = `http://127.0.0.1:${receiver.address().port}`;
await managerApi('PUT', 'notifications', {
  language: 'zh-CN',
  channels: [{ id: 'erp', kind: 'webhook', url: `${hookBase}/erp`, secret: HOOK_SECRET },
    { id: 'archive', kind: 'webhook', url: `${hookBase}/archive`, secret: HOOK_SECRET }],
  routes: [{ alerts: ['SlaAtRisk', 'SlaBreached', 'SlaEscalated'], channels: ['erp', 'archive'] }],
});

const iso = (ms) => new Date(ms).toISOString();
let seq = 0;
const ev = (conversationId, type, atMs, extra = {}) => ({ eventId: `${run}-${seq += 1}`, type, conversationId, occurredAt: iso(atMs), ...extra });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, timezoneId: 'Europe/London', locale: 'zh-CN' });

async function open(role) {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${role}: ${m.text()} ${m.location().url || ''}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${role}: ${e.message}`));
  await page.goto(`${BASE}/`);
  await page.evaluate(() => { sessionStorage.clear(); localStorage.removeItem('replyguard.language'); });
  await page.reload();
  await page.waitForSelector('form[data-test=login-form]');
  await page.fill('input[name=merchant]', 'demo');
  await page.fill('input[type=password]', TOKENS[role]);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-test=queue-count]');
  await page.evaluate(() => { window.__notReloaded = true; });
  return page;
}
const view = async (page, name) => {
  await page.click(`a[data-view=${name}]`);
  await page.waitForFunction((n) => location.hash === `#/${n}`, name);
};
const shot = (page, name) => page.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
const row = (page, conversation) => page.locator(`tr[data-conversation="${conversation}"]`);

// the login page, before anything else: Chinese by default, the token in a password field
await scenario('login page in Chinese with a password field', async () => {
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForSelector('form[data-test=login-form]');
  const title = await page.textContent('h1');
  assert(/登录/.test(title), `title '${title}'`);
  assert(await page.locator('input[type=password][name=token]').count() === 1, 'no password field');
  await page.fill('input[name=merchant]', 'demo');
  await page.fill('input[type=password]', 'not-a-token');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-test=login-error]');
  const error = await page.textContent('[data-test=login-error]');
  assert(/令牌无效/.test(error), `error '${error}'`);
  await shot(page, '00-login');
  await page.close();
  return title;
});

// three live-room comments of a few minutes ago, answered a minute late: breaches for the CSV to count
const late = [1, 2, 3].map((i) => `late-${run}-${i}`);
await post(late.flatMap((c, i) => [
  ev(c, 'customer.message', Date.now() - 180_000 - i * 1000, { channel: 'LIVE_COMMENT', customerId: `viewer-late-${i}-${run}` }),
  ev(c, 'agent.message', Date.now() - 120_000 - i * 1000, { agentId: 'presales-li', agentRole: 'PRESALES' }),
]));

const supervisor = await open('supervisor');
const live = `live-${run}`;

await scenario('a live-room comment appears within 2 s of its event', async () => {
  // occurred 20 s ago: 10 s left of its 30-second promise, so the test also sees it turn amber and red
  await post([ev(live, 'customer.message', Date.now() - 20_000, { channel: 'LIVE_COMMENT', customerId: `viewer-${run}` })]);
  const posted = Date.now();
  await row(supervisor, live).first().waitFor({ timeout: 2_000 });
  const ms = Date.now() - posted;
  await shot(supervisor, '01-queue');
  return `${ms} ms`;
});

await scenario('the row turns amber, then red, without a reload', async () => {
  const r = row(supervisor, live).first();
  await supervisor.waitForFunction((c) => document.querySelector(`tr[data-conversation="${c}"]`)?.dataset.state === 'AT_RISK', live, { timeout: 8_000 });
  const amberWord = await r.locator('td.state').textContent();
  assert(/即将超时/.test(amberWord), `amber row says '${amberWord}'`);
  const colour = await r.evaluate((el) => getComputedStyle(el.querySelector('td.countdown')).color);
  await shot(supervisor, '02-queue-amber');
  await supervisor.waitForFunction((c) => document.querySelector(`tr[data-conversation="${c}"]`)?.dataset.state === 'BREACHED', live, { timeout: 9_000 });
  const redWord = await r.locator('td.state').textContent();
  assert(/已超时/.test(redWord), `red row says '${redWord}'`);
  const face = await r.locator('td.countdown').textContent();
  assert(face.startsWith('+'), `an overdue countdown counts up: '${face}'`);
  assert(await supervisor.evaluate(() => window.__notReloaded === true), 'the page was reloaded');
  await shot(supervisor, '03-queue-red');
  return `amber colour ${colour}, red '${face}'`;
});

await scenario('answering it takes it off the queue within 2 s', async () => {
  await post([ev(live, 'agent.message', Date.now(), { agentId: 'presales-zhang', agentRole: 'PRESALES' })]);
  const answered = Date.now();
  await row(supervisor, live).first().waitFor({ state: 'detached', timeout: 2_000 });
  return `${Date.now() - answered} ms`;
});

await scenario('a supervisor excuses the breach with a reason', async () => {
  await view(supervisor, 'breaches');
  const r = supervisor.locator(`tr[data-conversation="${live}"]`);
  await r.first().waitFor({ timeout: 5_000 });
  await r.first().locator('button[data-action=excuse]').click();
  await supervisor.click('button[data-action=confirm-excuse]');
  const refused = await supervisor.textContent('[data-test=excuse-dialog] .error');
  assert(/免责原因/.test(refused), `an empty reason is refused on the page: '${refused}'`);
  await supervisor.fill('textarea[name=reason]', '直播间网络故障，客服无法回复');
  await supervisor.click('button[data-action=confirm-excuse]');
  await r.first().locator('.excused').waitFor({ timeout: 3_000 });
  const text = await r.first().locator('.excused').textContent();
  assert(text.includes('直播间网络故障'), text);
  await supervisor.locator('.el-message').waitFor({ state: 'detached', timeout: 6_000 });
  await shot(supervisor, '04-breaches');
  return text.trim();
});

await scenario('the breaches CSV downloads the whole range, in Chinese, for Excel', async () => {
  const [download, request] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.waitForRequest((r) => r.url().includes('/breaches?') && r.headers().accept === 'text/csv'),
    supervisor.click('button[data-test=breach-csv]'),
  ]);
  const asked = new URL(request.url()).searchParams;
  assert(asked.get('lang') === 'zh', `the Chinese page asks lang=${asked.get('lang')}`);
  assert(!asked.has('limit') && !asked.has('nextToken'), `the download asks one page, not the range: ${request.url()}`);
  const file = join(outDir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no UTF-8 byte-order mark');
  const [header, ...rows] = csvRows(bytes.toString('utf8').slice(1));
  assert(header.slice(0, 4).join(',') === '超时编号,会话,时效,截止时间', `header ${header.join(',')}`);
  // the breaches of the same range, as the JSON list pages them
  let listed = 0;
  let nextToken = null;
  do {
    const q = new URLSearchParams({ from: asked.get('from'), limit: '2', ...(asked.get('to') ? { to: asked.get('to') } : {}), ...(nextToken ? { nextToken } : {}) });
    const page = await managerApi('GET', `breaches?${q}`);
    listed += page.breaches.length;
    nextToken = page.nextToken;
  } while (nextToken);
  assert(rows.length === listed, `${rows.length} rows in the CSV, ${listed} breaches in the range`);
  for (const c of [live, ...late]) {
    const r = rows.find((x) => x[header.indexOf('会话')] === c);
    assert(r, `${c} is not in the CSV`);
    assert(r[header.indexOf('时效')] === '首次回复' && r[header.indexOf('渠道')] === '直播间评论', `${c}: ${r.join(',')}`);
  }
  return `${download.suggestedFilename()}, ${rows.length} rows = ${listed} breaches in the range`;
});

await scenario('an alert shows each channel\'s delivery in Chinese and is acknowledged', async () => {
  await view(supervisor, 'alerts');
  const alertRow = supervisor.locator(`tr[data-conversation="${live}"][data-type=SlaBreached]`);
  await alertRow.waitFor({ timeout: 10_000 });
  // the view refreshes itself every 5 s: the webhook's answer arrives within a second or two
  await supervisor.waitForFunction((c) => {
    const row = document.querySelector(`tr[data-conversation="${c}"][data-type=SlaBreached]`);
    return row?.querySelector('[data-channel=erp]')?.dataset.state === 'SENT' && row?.querySelector('[data-channel=archive]')?.dataset.state === 'FAILED';
  }, live, { timeout: 15_000 });
  const sent = await alertRow.locator('[data-channel=erp]').textContent();
  const failed = await alertRow.locator('[data-channel=archive]').textContent();
  assert(/已发送/.test(sent) && /Webhook/.test(sent), `erp delivery says '${sent}'`);
  assert(/发送失败/.test(failed) && /HTTP 403/.test(failed), `archive delivery says '${failed}'`);
  assert(/已超时/.test(await alertRow.locator('td').nth(1).textContent()), 'the alert type is not in Chinese');
  const got = hooked.filter((h) => h.path === '/erp' && h.alert.conversationId === live && h.alert.type === 'SlaBreached');
  assert(got.length === 1 && got[0].signed, `the webhook got ${got.length} signed breach alerts`);
  await alertRow.locator('button[data-action=ack]').click();
  await alertRow.locator('.acknowledged').waitFor({ timeout: 5_000 });
  const taken = await alertRow.locator('.acknowledged').textContent();
  assert(/确认/.test(taken), `after the acknowledgement the row says '${taken}'`);
  assert(await alertRow.locator('button[data-action=ack]').count() === 0, 'the acknowledged alert still offers the button');
  const alertId = await alertRow.getAttribute('data-alert');
  const stored = (await managerApi('GET', 'alerts?limit=1000')).alerts.find((a) => a.alertId === alertId);
  assert(stored?.acknowledged?.by, `the API does not record the acknowledgement: ${JSON.stringify(stored)}`);
  await shot(supervisor, '07-alerts');
  return `${sent.trim()} | ${failed.trim()} | ${taken.trim()}; ${Buffer.byteLength(JSON.stringify(stored))} bytes of JSON per alert with 2 deliveries`;
});

// three after-sales chats of the last 20 minutes, all logistics: one resolved, reopened by the customer,
// resolved again and rated 5 (classified by an event), one resolved (an event's class, then a
// manager's), one still being processed (classified by a manager)
const cases = [1, 2, 3].map((i) => `case-${run}-${i}`);
const percentOf = (rate) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`);
await scenario('an after-sales category opens its case list in Chinese, one row per case the report counts', async () => {
  const t0 = Date.now() - 20 * 60_000;
  const min = 60_000;
  const wang = { agentId: 'aftersales-wang', agentRole: 'AFTERSALES' };
  await post([
    ev(cases[0], 'customer.message', t0, { channel: 'CS_CHAT', customerId: `buyer-case-1-${run}` }),
    ev(cases[0], 'conversation.classified', t0 + 30_000, { category: 'LOGISTICS_LATE' }),
    ev(cases[0], 'agent.message', t0 + min, wang),
    ev(cases[0], 'conversation.resolved', t0 + 5 * min, wang),
    ev(cases[0], 'conversation.reopened', t0 + 8 * min),
    ev(cases[0], 'conversation.resolved', t0 + 12 * min, wang),
    ev(cases[0], 'conversation.rated', t0 + 13 * min, { rating: 5 }),
    ev(cases[1], 'customer.message', t0 + min, { channel: 'CS_CHAT', customerId: `buyer-case-2-${run}` }),
    ev(cases[1], 'agent.message', t0 + 2 * min, wang),
    ev(cases[1], 'conversation.classified', t0 + 3 * min, { category: 'LOGISTICS_LATE' }),
    ev(cases[1], 'conversation.resolved', t0 + 6 * min, wang),
    ev(cases[2], 'customer.message', t0 + 2 * min, { channel: 'CS_CHAT', customerId: `buyer-case-3-${run}` }),
    ev(cases[2], 'agent.message', t0 + 3 * min, wang),
  ]);
  // a manager's classification overrides the event's (cases[1]) and classifies a case nothing named yet (cases[2])
  await managerApi('PUT', `conversations/${encodeURIComponent(cases[1])}/category`, { category: 'LOGISTICS_DAMAGED' });
  await managerApi('PUT', `conversations/${encodeURIComponent(cases[2])}/category`, { category: 'LOGISTICS_NOT_RECEIVED' });
  let report;
  let logistics;
  for (const until = Date.now() + 10_000; ;) {
    report = await managerApi('GET', 'aftersales');
    logistics = report.categories.find((c) => c.category === 'LOGISTICS');
    const listed = logistics ? (await managerApi('GET', `${logistics.caseList.replace(/^\/merchants\/demo\//, '')}&limit=1000`)).cases : [];
    // the counters and the case index are written apart: wait until both have the three cases
    if (cases.every((c) => listed.some((x) => x.conversationId === c)) && listed.length === logistics.cases && logistics.reopens >= 1) break;
    assert(Date.now() < until, `the report's logistics cases never settled on ${cases.join(', ')}: ${JSON.stringify(logistics)}`);
    await new Promise((r) => { setTimeout(r, 300); });
  }
  assert(logistics.reopened >= 1 && logistics.reopens >= 1 && logistics.resolved >= 2, `the report does not count the reopen: ${JSON.stringify(logistics)}`);

  // two cases a page, so the list has to page ("load more") and the CSV has to join its pages
  const twoAPage = (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    return route.continue({ url: url.toString() });
  };
  await supervisor.route('**/aftersales/cases?*', twoAPage);
  await view(supervisor, 'aftersales');
  const figures = supervisor.locator('[data-test=aftersales] tr[data-category=LOGISTICS]');
  await figures.waitFor({ timeout: 5_000 });
  const reopenRate = (await figures.locator('[data-test=reopen-rate]').textContent()).trim();
  const resolutionRate = (await figures.locator('[data-test=resolution-rate]').textContent()).trim();
  assert(reopenRate.startsWith(percentOf(logistics.reopenRate)) && reopenRate.includes(`${logistics.reopened} 个案例被重新打开，共 ${logistics.reopens} 次`),
    `the reopen rate says '${reopenRate}', the report ${logistics.reopened}/${logistics.reopens} ${logistics.reopenRate}`);
  assert(resolutionRate.startsWith(percentOf(logistics.resolutionRate)) && resolutionRate.includes(`已解决 ${logistics.resolved} / ${logistics.cases}`),
    `the resolution rate says '${resolutionRate}', the report ${logistics.resolved}/${logistics.cases}`);
  const overall = (await supervisor.textContent('[data-test=reopen]')).trim();
  assert(overall.includes('重开率') && overall.includes(percentOf(report.reopenRate)), `the overall reopen rate says '${overall}', the report ${report.reopenRate}`);

  await figures.locator('button[data-test=case-list]').click();
  const rows = supervisor.locator('[data-test=cases] tbody tr');
  await rows.first().waitFor({ timeout: 5_000 });
  let pages = 1;
  while (await supervisor.locator('button[data-test=more-cases]').count()) {
    const before = await rows.count();
    await supervisor.click('button[data-test=more-cases]');
    await supervisor.waitForFunction((n) => document.querySelectorAll('[data-test=cases] tbody tr').length > n, before, { timeout: 5_000 });
    await supervisor.locator('[data-test=cases-loading]').waitFor({ state: 'detached', timeout: 5_000 });
    pages += 1;
    assert(pages < 100, 'the list never ends');
  }
  const shown = await rows.count();
  assert(pages >= 2, `the list did not page: ${pages} page of ${shown} rows`);
  assert(shown === logistics.cases, `${shown} rows in the list, ${logistics.cases} logistics cases in the report`);
  const first = (await supervisor.locator(`[data-test=cases] tr[data-conversation="${cases[0]}"]`).textContent()).replace(/\s+/g, ' ');
  for (const word of ['客服会话', '物流', '物流延迟', '是（1 次）', '5 星', 'aftersales-wang']) assert(first.includes(word), `the reopened case's row lacks '${word}': ${first}`);
  const open = await supervisor.locator(`[data-test=cases] tr[data-conversation="${cases[2]}"]`).textContent();
  assert(open.includes('未收到货') && open.includes('处理中'), `the unresolved case's row: ${open}`);
  const damaged = await supervisor.locator(`[data-test=cases] tr[data-conversation="${cases[1]}"]`).textContent();
  assert(damaged.includes('运输破损'), `the case classified by an event: ${damaged}`);
  await shot(supervisor, '13-aftersales-cases');

  const [download, request] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.waitForRequest((r) => r.url().includes('/aftersales/cases?') && r.headers().accept === 'text/csv'),
    supervisor.click('button[data-test=cases-csv]'),
  ]);
  const askedCsv = new URL(request.url()).searchParams;
  assert(askedCsv.get('lang') === 'zh' && askedCsv.get('category') === 'LOGISTICS', `the CSV asks ${request.url()}`);
  const file = join(outDir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no UTF-8 byte-order mark');
  const [header, ...csv] = csvRows(bytes.toString('utf8').slice(1));
  assert(header.slice(0, 5).join(',') === '会话,渠道,考核周期,类别,子类', `header ${header.join(',')}`);
  assert(csv.length === logistics.cases, `${csv.length} rows in the CSV, ${logistics.cases} cases in the report`);
  const line = csv.find((x) => x[0] === cases[0]);
  assert(line && line[header.indexOf('子类')] === '物流延迟' && line[header.indexOf('重新打开次数')] === '1', `the CSV's row: ${line}`);
  await supervisor.unroute('**/aftersales/cases?*', twoAPage);

  await supervisor.locator(`[data-test=cases] tr[data-conversation="${cases[0]}"] a`).click();
  await supervisor.waitForSelector('[data-test=timeline]');
  const timeline = await supervisor.textContent('[data-test=timeline]');
  assert(/重新打开/.test(timeline) && /售后分类|已解决/.test(timeline), timeline);
  return `logistics: ${shown} rows in ${pages} pages = ${logistics.cases} cases, reopen rate ${reopenRate.split(' ')[0]}, resolution rate ${resolutionRate.split(' ')[0]}; CSV ${download.suggestedFilename()} ${csv.length} rows`;
});

await scenario('every view opens in Chinese, the conversation from a robot message\'s link', async () => {
  const seen = [];
  for (const [n, name, wait] of [['agents', '05-agents', '[data-test=agents]'], ['cycle', '06-cycle', '.metric-card'],
    ['aftersales', '08-aftersales', '[data-test=aftersales]']]) {
    await view(supervisor, n);
    await supervisor.waitForSelector(wait, { timeout: 5_000 });
    await supervisor.waitForTimeout(600);
    await shot(supervisor, name);
    seen.push(await supervisor.textContent('h2'));
    if (n === 'cycle') {
      const verdict = await supervisor.textContent('[data-test=verdict]');
      assert(/^总体结论：(不达标（将被限制活动）|有风险|达标)$/.test(verdict.trim()), `the verdict says '${verdict}'`);
      seen.push(verdict.trim());
    }
  }
  // as a robot message links it: <console>/conversations/<id> (consoleUrl + /conversations/<id>)
  await supervisor.goto(`${BASE}/conversations/${encodeURIComponent(live)}`);
  await supervisor.waitForSelector('[data-test=timeline]');
  const landed = new URL(supervisor.url());
  assert(landed.pathname === '/' && landed.hash === `#/conversations/${encodeURIComponent(live)}`, `the robot's link landed on ${supervisor.url()}`);
  const timeline = await supervisor.textContent('[data-test=timeline]');
  assert(/顾客消息/.test(timeline) && /客服回复/.test(timeline), timeline);
  const clocks = await supervisor.textContent('[data-test=clocks]');
  assert(/首次回复/.test(clocks) && /已超时/.test(clocks), clocks);
  await shot(supervisor, '09-conversation');
  seen.push(await supervisor.textContent('h2'));
  assert(await supervisor.locator('[data-test=read-only]').count() === 0, 'a supervisor is told the console is read-only');
  assert(seen.every((h) => /[\u4e00-\u9fff]/.test(h)), seen.join(' | '));
  return seen.join(' · ');
});

await scenario('the language switch is remembered', async () => {
  await view(supervisor, 'queue');
  await supervisor.click('button[data-test=language]');
  await supervisor.waitForFunction(() => document.querySelector('a[data-view=queue]').textContent === 'Live queue');
  await supervisor.reload();
  await supervisor.waitForSelector('[data-test=queue-count]');
  const nav = await supervisor.textContent('a[data-view=cycle]');
  assert(nav === 'Cycle', `after a reload the navigation says '${nav}'`);
  await shot(supervisor, '10-queue-english');
  await supervisor.click('button[data-test=language]');
  await supervisor.waitForFunction(() => document.querySelector('a[data-view=queue]').textContent === '实时队列');
  return nav;
});

// two conversations waiting for a next reply: one held by the team lead's agent, one by another team's
const mine = `chat-${run}-zhang`;
const theirs = `chat-${run}-chen`;
await scenario('a team lead sees only their team', async () => {
  const t0 = Date.now() - 30_000;
  await post([
    ev(mine, 'customer.message', t0, { channel: 'CS_CHAT', customerId: `buyer-a-${run}` }),
    ev(mine, 'agent.message', t0 + 10_000, { agentId: 'presales-zhang' }),
    ev(mine, 'customer.message', t0 + 20_000, { customerId: `buyer-a-${run}` }),
    ev(theirs, 'customer.message', t0, { channel: 'CS_CHAT', customerId: `buyer-b-${run}` }),
    ev(theirs, 'agent.message', t0 + 10_000, { agentId: 'presales-chen' }),
    ev(theirs, 'customer.message', t0 + 20_000, { customerId: `buyer-b-${run}` }),
  ]);
  await view(supervisor, 'queue');
  await row(supervisor, theirs).first().waitFor({ timeout: 3_000 });
  await row(supervisor, mine).first().waitFor({ timeout: 3_000 });
  const lead = await open('lead');
  await row(lead, mine).first().waitFor({ timeout: 3_000 });
  await lead.waitForTimeout(1_500);
  assert(await row(lead, theirs).count() === 0, 'the team lead sees another team\'s conversation');
  const agent = await row(lead, mine).first().locator('td').nth(5).textContent();
  assert(agent.trim() === 'presales-zhang', agent);
  await shot(lead, '11-queue-team-lead');
  await view(lead, 'agents');
  await lead.waitForSelector('[data-test=agents]');
  const agents = await lead.locator('[data-test=agents] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.agent));
  assert(agents.every((a) => ['presales-zhang', 'presales-li'].includes(a)), `agents shown: ${agents}`);
  await lead.close();
  return `lead's agents: ${agents.join(', ')}`;
});

await scenario('operations sees every view, read-only, without an action button', async () => {
  const ops = await open('operations');
  const waits = { queue: '[data-test=queue-count]', breaches: `tr[data-conversation="${live}"]`, alerts: `[data-test=alerts] tr[data-conversation="${live}"]`,
    agents: '[data-test=agents]', cycle: '.metric-card', aftersales: '[data-test=aftersales]' };
  const notes = new Set();
  let buttons = 0;
  for (const [n, wait] of Object.entries(waits)) {
    await view(ops, n);
    await ops.locator(wait).first().waitFor({ timeout: 8_000 });
    await ops.waitForTimeout(300);
    buttons += await ops.locator('[data-action]').count();
    const note = ops.locator('[data-test=read-only]');
    assert(await note.isVisible(), `no read-only note on ${n}`);
    notes.add((await note.textContent()).trim());
  }
  await ops.goto(`${BASE}/#/conversations/${encodeURIComponent(live)}`);
  await ops.waitForSelector('[data-test=timeline]');
  assert(await ops.locator('[data-test=read-only]').isVisible(), 'no read-only note on the conversation');
  buttons += await ops.locator('[data-action]').count();
  // alerts nobody took yet are listed, and still no acknowledge button
  await view(ops, 'alerts');
  await ops.locator(`[data-test=alerts] tr[data-conversation="${live}"]`).first().waitFor({ timeout: 8_000 });
  const openAlerts = await ops.locator('[data-test=alerts] tbody tr').evaluateAll((rows) => rows.filter((r) => !r.querySelector('.acknowledged')).length);
  assert(openAlerts > 0, 'no unacknowledged alert to check the missing button against');
  const ackButtons = await ops.locator('button[data-action=ack]').count();
  await view(ops, 'breaches');
  await ops.locator(`tr[data-conversation="${late[0]}"]`).first().waitFor({ timeout: 5_000 });
  const unexcused = await ops.locator('[data-test=breaches] tbody tr').evaluateAll((rows) => rows.filter((r) => !r.querySelector('.excused')).length);
  assert(unexcused > 0, 'no unexcused breach to check the missing button against');
  const excuseButtons = await ops.locator('button[data-action=excuse]').count();
  await shot(ops, '12-breaches-operations');
  await ops.close();
  assert(buttons === 0 && ackButtons === 0 && excuseButtons === 0, `${buttons + ackButtons + excuseButtons} action buttons`);
  assert(notes.size === 1 && /只读/.test([...notes][0]), `read-only note: ${[...notes].join(' | ')}`);
  return `${[...notes][0]}; ${openAlerts} open alerts and ${unexcused} unexcused breaches, no button`;
});

await scenario('no console errors on any page', async () => {
  assert(consoleErrors.length === 0, consoleErrors.join(' | '));
  return 'none';
});

await browser.close();
receiver.close();
console.log(`${failures === 0 ? 'ALL PASSED' : `${failures} FAILED`}`);
process.exit(failures);
