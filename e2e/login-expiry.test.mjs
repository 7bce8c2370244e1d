// End-to-end: what a login that expires looks like in the browser clients, with tokens that live a few
// seconds (service.mjs expiringToken; demo tokens live 12 h). The service closes an open socket whose
// token expired (token_expired, then status 4401, at its next check: kefu.ws.expiry-check-every, 15 s)
// and refuses the token itself on REST a minute later (the JWT clock skew).
// - the agent workspace says the login expired, shows the login form and stops asking for tickets;
// - the editor console, whose REST call is refused, does the same;
// - the shopper page (demo mode) reconnects at once with a new demo token, with no wait shown.
// The three wait side by side.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { expiringToken, sleep } from './service.mjs';

const BASE = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN = Date.now().toString(36).toUpperCase();
const EXPIRED = '登录已过期，请重新登录';

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
});
after(async () => { await browser?.close(); });

async function page() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  const p = await context.newPage();
  p.problems = [];
  p.on('pageerror', (e) => p.problems.push(e.message));
  p.on('dialog', (d) => { p.problems.push('dialog: ' + d.message()); d.dismiss(); });
  return p;
}

/** Every text the status line showed, in order, from now on. */
async function statusTexts(p) {
  await p.evaluate(() => {
    const s = document.getElementById('status');
    window.statusSeen = [s.textContent];
    new MutationObserver(() => window.statusSeen.push(s.textContent)).observe(s, { childList: true, characterData: true, subtree: true });
  });
  return () => p.evaluate(() => window.statusSeen);
}

describe('an expired login', { concurrency: true }, () => {
  test('the agent workspace says the login expired, shows the login form and stops asking for tickets', async () => {
    const p = await page();
    try {
      const tickets = [];
      p.on('request', (r) => { if (r.url().endsWith('/api/ws-ticket')) tickets.push(Date.now()); });
      await p.goto(`${BASE}/agent.html`);
      await p.fill('#token', expiringToken('agent', `E2E-X${RUN}`, 20, '小周'));
      await p.click('#connect');
      await p.locator('#status', { hasText: '已连接' }).waitFor();
      assert.equal(await p.locator('#me').innerText(), '小周');

      // expired at 20 s, closed at the service's next check (within 15 s more)
      await p.locator('#status', { hasText: EXPIRED }).waitFor({ timeout: 50000 });
      const shown = Date.now();
      assert.ok(await p.locator('#login').isVisible(), 'the login form is back');
      assert.ok(await p.locator('#app').isHidden(), 'the workspace is put away');
      assert.ok(await p.locator('#logout').isHidden());
      assert.equal(await p.inputValue('#token'), '', 'the expired token is not offered again');

      // what the old console did next: reconnect after 1, 2, 4… s and show "连接失败：401" (or a ticket that opens nothing)
      await sleep(8000);
      assert.deepEqual(tickets.filter((t) => t > shown), [], 'no ticket asked for after the login expired');
      assert.equal(await p.locator('#status').innerText(), EXPIRED, 'the message stays');

      // logging in again (a demo token this time) works as usual
      await p.click('#connect');
      await p.locator('#status', { hasText: '已连接' }).waitFor();
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context().close();
    }
  });

  test('the editor console, once the service refuses its token, says the login expired and shows the login form', async () => {
    const token = expiringToken('editor', `E2E-EX${RUN}`, 5);
    const p = await page();
    try {
      await p.goto(`${BASE}/editor.html`);
      await p.fill('#token', token);
      await p.click('#connect');
      await p.locator('#status', { hasText: '已登录' }).waitFor();

      // the service takes a token for a while after its exp (the JWT clock skew): wait until it refuses it
      for (const deadline = Date.now() + 120000; ; await sleep(2000)) {
        const res = await fetch(`${BASE}/api/kb/articles?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
        if (res.status === 401) break;
        assert.ok(Date.now() < deadline, 'the expired token is still accepted after two minutes');
      }
      await p.click('#filters button[type=submit]');
      await p.locator('#status', { hasText: EXPIRED }).waitFor();
      assert.doesNotMatch(await p.locator('#status').innerText(), /401/, 'no raw error');
      assert.ok(await p.locator('#login').isVisible(), 'the login form is back');
      assert.ok(await p.locator('#app').isHidden());
      assert.equal(await p.inputValue('#token'), '', 'the expired token is not offered again');
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context().close();
    }
  });

  test('the shopper page reconnects at once with a new demo token when its token expires', async () => {
    const customer = `E2EX${RUN}`;
    const p = await page();
    try {
      // the page's first demo token lives 20 s (time to load and connect on a busy machine); the next ones are the service's own
      let tokens = 0;
      await p.route('**/api/demo/token', (route) => (++tokens === 1
        ? route.fulfill({ json: { token: expiringToken('shopper', customer, 20) } }) : route.continue()));
      await p.goto(`${BASE}/?customer=${customer}`);
      await p.locator('.row.bot .bubble', { hasText: '您好，我是小客' }).waitFor({ timeout: 15000 });
      await p.locator('#status', { hasText: '已连接' }).waitFor();
      const seen = await statusTexts(p);

      await p.waitForFunction(() => window.statusSeen.length > 1, null, { timeout: 50000 }); // the socket closed
      await p.locator('#status', { hasText: '已连接' }).waitFor({ timeout: 5000 });
      assert.equal(tokens, 2, 'a new demo token');
      assert.deepEqual(await seen(), ['已连接', '连接中…', '已连接'], 'no reconnect countdown, no error');
      assert.equal(await p.locator('#notice').innerText(), '', 'nothing asks the shopper to log in');

      // the same conversation goes on
      await p.fill('#text', '草莓怎么保存');
      await p.click('#sendBtn');
      await p.locator('.row.bot .bubble', { hasText: '草莓' }).last().waitFor({ timeout: 15000 });
      await p.locator('.row.me .meta', { hasText: '已送达' }).waitFor();
      assert.equal(await p.locator('.row.bot .bubble', { hasText: '您好，我是小客' }).count(), 1, 'the greeting once');
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context().close();
    }
  });
});
