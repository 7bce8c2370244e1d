// End-to-end: the staff consoles of issue 19 in headless Chromium, against the packaged service.
// - an agent works two conversations at once, inserts a suggested knowledge-base answer and creates a
//   refund from the action the bot had understood, prefilled; the page fits 1280x720 and 1920x1080;
// - a supervisor reassigns a conversation to another agent;
// - an editor adds a question from the gaps view as an article's alternative phrasing, and a shopper
//   asking it over /ws/chat gets that article at once;
// - two editors save the same article and the second is told of the conflict;
// - shopper and article text holding <script> and HTML is shown as text and never runs.
// Screenshots of both consoles go to docs/screenshots/ (shown in the README).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const BASE = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = process.env.SHOTS ?? new URL('../docs/screenshots/', import.meta.url).pathname;
const RUN = Date.now().toString(36).toUpperCase();
const XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';

let browser;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
});
after(async () => { await browser?.close(); });

async function token(role, subject, name) {
  const res = await fetch(`${BASE}/api/demo/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, subject, name }) });
  assert.equal(res.status, 200);
  return (await res.json()).token;
}
async function call(tok, method, path, body) {
  const res = await fetch(BASE + path, { method, headers: { Authorization: `Bearer ${tok}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A shopper on /ws/chat that keeps every frame; `next` takes the first one that matches. */
async function shopper(customerId) {
  const tok = await token('shopper', customerId);
  const ws = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws/chat`, { headers: { Authorization: `Bearer ${tok}` } });
  const frames = [];
  ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const next = async (match, ms = 15000) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const i = frames.findIndex(match);
      if (i >= 0) return frames.splice(i, 1)[0];
    }
    throw new Error('no matching frame; got ' + JSON.stringify(frames));
  };
  let n = 0;
  const say = (text, attachments = []) => ws.send(JSON.stringify({ type: 'message', id: `${customerId}-${++n}`, text, attachments }));
  const session = await next((f) => f.type === 'session');
  return { ws, tok, next, say, conversationId: session.conversationId };
}

/** A 1x1 PNG uploaded by the shopper as evidence. */
async function photo(tok) {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
  const res = await fetch(`${BASE}/api/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${tok}` }, body: form });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

async function page(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const p = await context.newPage();
  p.dialogs = [];
  p.on('dialog', (d) => { p.dialogs.push(d.message()); d.dismiss(); });
  return p;
}

async function agentLogin(p, id, name, role = 'agent') {
  await p.goto(`${BASE}/agent.html`);
  await p.fill('#agentId', id);
  await p.fill('#agentName', name);
  await p.selectOption('#role', role);
  // clicked twice before the first login completes: it used to load the canned replies and every message twice
  await p.evaluate(() => { const b = document.getElementById('connect'); b.click(); b.click(); });
  await p.locator('#status', { hasText: '已连接' }).waitFor();
}

/** Nothing wider than the window, and the action buttons on one line each. */
async function assertLayout(p, width) {
  const m = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
    buttons: ['transfer', 'release', 'resolve'].map((id) => document.getElementById(id).getBoundingClientRect().height) }));
  assert.ok(m.scroll <= width, `page is ${m.scroll}px wide at ${width}`);
  m.buttons.forEach((h) => assert.ok(h < 40, `an action button is ${h}px high: one character per line?`));
}

test('an agent works two conversations, inserts a suggested answer and creates a refund from the prefilled action', async () => {
  const c1 = `E2A${RUN}`, c2 = `E2B${RUN}`;
  const admin = await token('admin', 'ADM');
  const delivered = new Date(Date.now() - 20 * 3600 * 1000).toISOString();
  assert.equal((await call(admin, 'POST', '/api/admin/orders', { orderId: `O-${c1}`, customerId: c1, category: 'fresh', status: 'delivered',
    deliveredAt: delivered, items: [{ sku: 'STRAW', name: '丹东草莓 500g', qty: 2, price: 19.9, custom: false }] })).status, 201);

  const s1 = await shopper(c1);
  const evidence = await photo(s1.tok);
  s1.say('昨天买的草莓烂了一半', [evidence]);
  assert.equal((await s1.next((f) => f.type === 'reply' && f.aftersales)).aftersales.kind, 'refund');
  s1.say('转人工');
  await s1.next((f) => f.type === 'handoff');
  const s2 = await shopper(c2);
  s2.say(`${XSS}转人工`);
  await s2.next((f) => f.type === 'handoff');
  s2.say('冰箱不制冷怎么办');
  await s2.next((f) => f.type === 'ack');

  const p = await page(1280, 720);
  try {
    await agentLogin(p, `E2E-A${RUN}`, '小王');
    for (const s of [s1, s2]) {
      const item = p.locator(`#queueItems .item[data-conversation="${s.conversationId}"]`);
      await item.waitFor();
      await item.locator('button.claim').click();
      await p.locator(`#mineItems [data-conversation="${s.conversationId}"]`).waitFor();
    }
    assert.equal(await p.locator('#mineItems .item').count(), 2, 'both conversations held, side by side');
    const canned = Object.keys((await call(await token('agent', 'E2E-C'), 'GET', '/api/agent/canned')).body).length;
    await p.fill('#text', '/');
    await p.locator('#cannedPop div').first().waitFor();
    assert.equal(await p.locator('#cannedPop div').count(), canned, 'each canned reply once, though 登录 was clicked twice');
    await p.fill('#text', '');

    // the second conversation is open: the answer to the shopper's latest question is suggested
    const suggestion = p.locator('#assist .hit', { hasText: '冰箱不制冷' }).first();
    await suggestion.waitFor();
    assert.match(await p.locator('#transcript').innerText(), /<script>window\.pwned=1<\/script>转人工/, 'shopper HTML shown as text');
    await suggestion.locator('button.insert').click();
    await p.waitForFunction(() => document.getElementById('text').value.length > 10);
    const inserted = await p.inputValue('#text');
    await p.fill('#text', '您好，' + inserted);
    await p.press('#text', 'Enter');
    const reply = await s2.next((f) => f.type === 'reply' && f.from === 'agent');
    assert.equal(reply.text, '您好，' + inserted.trim(), 'the edited suggestion reached the shopper');

    // the first shopper writes meanwhile: counted unread, not dropped
    s1.say('还在吗？');
    await p.locator(`#mineItems [data-conversation="${s1.conversationId}"] .unread`, { hasText: '1' }).waitFor();
    await assertLayout(p, 1280);
    await p.screenshot({ path: `${SHOTS}agent-1280x720.png` });

    await p.keyboard.press('Alt+1'); // the keyboard opens my first conversation
    await p.locator('#transcript .msg.shopper', { hasText: '还在吗？' }).waitFor();
    await p.waitForFunction(() => [...document.querySelectorAll('#transcript img')].some((i) => i.naturalWidth > 0));
    assert.match(await p.locator('#summary').innerText(), /想要：昨天买的草莓烂了一半/);

    await p.locator('#prefill').click();
    assert.equal(await p.inputValue('#cfOrder'), `O-${c1}`);
    assert.equal(await p.inputValue('#cfKind'), 'REFUND');
    assert.equal(await p.inputValue('#cfReason'), 'SPOILED');
    await p.selectOption('#cfShare', '0.5');
    await p.click('#cfCheck');
    await p.locator('#cfDecision', { hasText: '可以通过' }).waitFor();
    assert.match(await p.locator('#cfDecision').innerText(), /fresh\.small-claim-limit/, 'the rule is shown before submitting');
    await p.click('#cfSubmit');
    await p.locator('#cfDecision', { hasText: '已创建 AS' }).waitFor();
    const created = await s1.next((f) => f.type === 'reply' && f.actions?.length);
    assert.equal(created.actions[0].type, 'aftersales_created');
    assert.equal(created.actions[0].kind, 'refund');
    await p.keyboard.press('Escape');
    await p.locator('#side .tabs button', { hasText: '订单' }).click();
    assert.match(await p.locator('#orders').innerText(), /¥19\.90[\s\S]*生鲜问题申请 可申请至/);

    await p.setViewportSize({ width: 1920, height: 1080 });
    await assertLayout(p, 1920);
    await p.screenshot({ path: `${SHOTS}agent-1920x1080.png` });
    assert.equal(await p.evaluate(() => window.pwned), undefined, 'no shopper script ran');
    assert.deepEqual(p.dialogs, []);
  } finally {
    await p.context().close();
    s1.ws.close(); s2.ws.close();
  }
});

test('a supervisor reassigns a conversation to another agent', async () => {
  const c = `E2S${RUN}`, from = `E2E-F${RUN}`, to = `E2E-T${RUN}`;
  const s = await shopper(c);
  s.say('转人工');
  await s.next((f) => f.type === 'handoff');
  const holder = await token('agent', from, '小张');
  assert.equal((await call(holder, 'POST', `/api/agent/conversations/${s.conversationId}/claim`)).status, 200);
  await s.next((f) => f.type === 'agent_joined');
  assert.equal((await call(await token('agent', to, '小赵'), 'GET', '/api/agent/mine')).status, 200); // signed in: present

  const p = await page(1280, 720);
  try {
    await agentLogin(p, `E2E-SUP${RUN}`, '王主管', 'supervisor');
    await p.locator('#supTab').click();
    const item = p.locator(`#supHeld .item[data-conversation="${s.conversationId}"]`);
    await item.waitFor();
    await item.locator('select.reassignTo').selectOption(to);
    await item.locator('button.reassign').click();
    const joined = await s.next((f) => f.type === 'agent_joined');
    assert.equal(joined.agent.name, '小赵');
    await p.locator(`#supHeld .item[data-conversation="${s.conversationId}"]`, { hasText: '小赵' }).waitFor();
    await p.screenshot({ path: `${SHOTS}supervisor-1280x720.png` });
  } finally {
    await p.context().close();
    s.ws.close();
  }
});

async function editorLogin(p, id) {
  await p.goto(`${BASE}/editor.html`);
  await p.fill('#editorId', id);
  await p.click('#connect');
  await p.locator('#status', { hasText: '已登录' }).waitFor();
}

test('an editor adds a gap question to an article and the next shopper asking it gets that article', async () => {
  const question = '你们支持数字人民币付款吗';
  const s = await shopper(`E2G${RUN}`);
  s.say(question);
  const before = await s.next((f) => f.type === 'reply' && f.seq > 1);
  assert.notEqual(before.citations[0]?.articleId, 'general-payment', 'the bot could not answer it yet');
  s.ws.close();

  const p = await page(1280, 720);
  try {
    await editorLogin(p, `E2E-ED${RUN}`);
    await p.locator('#left .tabs button', { hasText: '缺口' }).click();
    await p.click('#gapsForm button[type=submit]');
    const row = p.locator('#gaps .group .q', { hasText: question }).first();
    await row.waitFor();
    await row.locator('button.addAlt').click();
    await p.selectOption('#pickArticle', 'general-payment');
    await p.click('#pickAdd');
    await p.locator('#gapsMsg', { hasText: '已把' }).waitFor();
    await p.screenshot({ path: `${SHOTS}editor-gaps-1280x720.png` });
  } finally {
    await p.context().close();
  }
  const again = await shopper(`E2H${RUN}`);
  again.say(question);
  const answer = await again.next((f) => f.type === 'reply' && f.seq > 1);
  assert.equal(answer.citations[0]?.articleId, 'general-payment', 'answered from the article, no restart');
  again.ws.close();
});

test('two editors save the same article: the second is told, and article HTML is shown as text', async () => {
  const id = `e2e-conflict-${RUN.toLowerCase()}`;
  const admin = await token('editor', 'E2E-SEED');
  assert.equal((await call(admin, 'POST', '/api/kb/articles', { id, category: 'general', title: `榴莲怎么挑${XSS}`, questions: ['榴莲哪种好吃'],
    answer: `**看外形**：${XSS}\n- 闻味道\n- 听声音`, tags: ['榴莲'] })).status, 201);

  const [a, b] = [await page(1280, 720), await page(1920, 1080)];
  try {
    for (const [p, who] of [[a, `E2E-EA${RUN}`], [b, `E2E-EB${RUN}`]]) {
      await editorLogin(p, who);
      await p.fill('#fText', '榴莲哪种好吃');
      await p.click('#filters button[type=submit]');
      await p.locator(`#list .art[data-id="${id}"]`).click();
      await p.locator('#aVersion', { hasText: '版本 1' }).waitFor();
    }
    assert.match(await a.locator(`#list .art[data-id="${id}"]`).innerText(), /<script>window\.pwned=1<\/script>/);
    assert.match(await a.locator('#preview').innerText(), /看外形：<img src=x onerror="window\.pwned=1">/, 'the preview shows the HTML as text');
    assert.equal(await a.locator('#preview strong').innerText(), '看外形');

    await a.fill('#aTitle', '榴莲怎么挑选');
    await a.click('#save');
    await a.locator('#editMsg', { hasText: '已保存（版本 2）' }).waitFor();
    await b.fill('#aAnswer', '闻一闻，香味浓的熟了。');
    await b.click('#save');
    await b.locator('#editMsg .conflict', { hasText: `保存冲突：这篇文章在您编辑期间已被 E2E-EA${RUN}` }).waitFor();
    assert.equal(await b.inputValue('#aAnswer'), '闻一闻，香味浓的熟了。', "the second editor's text is kept on the page");
    const stored = await call(admin, 'GET', `/api/kb/articles/${id}`);
    assert.equal(stored.body.title, '榴莲怎么挑选', 'the first save stands');
    assert.notEqual(stored.body.answer, '闻一闻，香味浓的熟了。');

    await a.click('#showHistory');
    await a.locator('#historyRows tr', { hasText: '标题' }).waitFor();
    await a.screenshot({ path: `${SHOTS}editor-1280x720.png` });
    await b.screenshot({ path: `${SHOTS}editor-conflict-1920x1080.png` });
    for (const p of [a, b]) {
      assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      assert.equal(await p.evaluate(() => window.pwned), undefined, 'no article script ran');
      assert.deepEqual(p.dialogs, []);
    }
  } finally {
    await a.context().close();
    await b.context().close();
  }
});
