// End-to-end: the shopper page (/) in headless Chromium, at a phone size and a desktop size, through
// every journey of issue 20: a fresh-food claim with a photo picked in the page, a handoff with the
// agent's labelled reply, a star rating after the agent resolved, a reload mid-conversation, a dropped
// connection with a message resent and stored once, and an over-long message refused with its text kept.
// The agent side goes through the agent REST API. Screenshots go to docs/screenshots/ (shown in the README).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const BASE = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../docs/screenshots/', import.meta.url).pathname;
const SIZES = [{ name: 'phone', width: 390, height: 844 }, { name: 'desktop', width: 1280, height: 800 }];

let browser;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

async function token(role, subject, name) {
  const res = await fetch(`${BASE}/api/demo/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, subject, name }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).token;
}

async function api(tok, method, path, body) {
  const res = await fetch(`${BASE}${path}`, {
    method, headers: { Authorization: `Bearer ${tok}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A photo of something red on a light background, as a PNG (CRC-32 by hand: Node 20 has no zlib.crc32). */
function photo() {
  const w = 160, h = 120;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inside = (x - 80) ** 2 + (y - 60) ** 2 < 40 ** 2;
      raw.set(inside ? [200, 30, 40] : [240, 236, 228], y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const td = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A page of the shopper page for a new customer. Its /ws/chat goes through a route that forwards
 * every frame, unless `link.dropAckOf` names a message text: then the server's ack of that message is
 * swallowed and the connection dropped, as when a network fails between storing and acknowledging; or
 * `link.failOf` does: then the message does not reach the server, which seems to answer `unavailable`.
 */
async function openPage(size, customer) {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN',
    deviceScaleFactor: 1, isMobile: size.name === 'phone', hasTouch: size.name === 'phone' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  const link = { dropAckOf: null, failOf: null, drops: 0, sent: [] };
  await page.routeWebSocket(/\/ws\/chat/, (ws) => {
    const server = ws.connectToServer();
    let dropping = null;
    ws.onMessage((m) => {
      const f = JSON.parse(m);
      link.sent.push(f);
      if (f.type === 'message' && f.text === link.dropAckOf) { dropping = f.id; link.dropAckOf = null; }
      if (f.type === 'message' && f.text === link.failOf) {
        link.failOf = null;
        ws.send(JSON.stringify({ type: 'error', code: 'unavailable', message: '服务暂时不可用，如果这条消息没有显示“已送达”，请稍后重发。', id: f.id }));
        return;
      }
      server.send(m);
    });
    server.onMessage((m) => {
      const f = JSON.parse(m);
      if (dropping && f.type === 'ack' && f.id === dropping) {
        dropping = null; link.drops++;
        ws.close(); server.close(); // the message is stored, the page never hears so
        return;
      }
      ws.send(m);
    });
  });
  await page.goto(`${BASE}/?customer=${customer}`);
  await page.locator('.row.bot .bubble', { hasText: '您好，我是小客' }).waitFor({ timeout: 15000 });
  return { page, context, link, problems };
}

const conversationOf = (page) => page.evaluate(() => conversation);
const shot = (page, size, name) => page.screenshot({ path: `${SHOTS}${name}-${size.name}.png` });

async function say(page, text) {
  await page.fill('#text', text);
  await page.click('#sendBtn');
}

/** The last reply of the bot (or agent) on the page, once its text matches. */
async function reply(page, pattern, who = 'bot') {
  const row = page.locator(`.row.${who} .bubble`, { hasText: pattern }).last();
  await row.waitFor({ timeout: 15000 });
  return row;
}

for (const size of SIZES) {
  test(`${size.name}: a fresh-food claim with a photo picked in the page ends with its after-sales number`, async () => {
    const customer = `E2EP${size.name[0]}${Date.now()}`;
    const admin = await token('admin', 'E2E-ADMIN');
    const delivered = new Date(Date.now() - 20 * 3600 * 1000).toISOString();
    for (const [id, sku, name, price] of [['S', 'F-STRAW', '丹东99草莓 500g', 19.9], ['A', 'F-APPLE', '烟台红富士苹果 5斤', 39.9]]) {
      assert.equal((await api(admin, 'POST', '/api/admin/orders', { orderId: `${id}-${customer}`, customerId: customer, category: 'fresh',
        items: [{ sku, name, qty: 2, price, custom: false }], status: 'delivered', deliveredAt: delivered })).status, 201);
    }
    const { page, context, problems } = await openPage(size, customer);
    try {
      await say(page, '昨天收到的水果烂了一半，想退款');
      const card = page.locator('.row.bot .orders button', { hasText: '丹东99草莓 500g' });
      await card.waitFor({ timeout: 15000 });
      await card.locator('small', { hasText: '¥19.90 × 2' }).waitFor(); // enriched from the shopper's orders
      await shot(page, size, 'order-cards');
      await card.click();
      await reply(page, '照片');
      assert.equal(await page.locator('#text').getAttribute('placeholder'), '点击左侧相机按钮上传照片，也可以直接粘贴图片');

      await page.setInputFiles('#file', { name: 'strawberry.png', mimeType: 'image/png', buffer: photo() });
      await page.locator('#attach .preview img').waitFor();
      // a pasted image joins the picked one, and can be taken off again
      await page.evaluate((bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }));
        document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, [...photo()]);
      assert.equal(await page.locator('#attach .preview').count(), 2);
      await page.locator('#attach .preview .x').last().click();
      assert.equal(await page.locator('#attach .preview').count(), 1);
      await page.waitForFunction(() => !document.querySelector('#attach progress')); // uploaded
      await say(page, '这是照片');
      const sent = page.locator('.row.me', { hasText: '这是照片' });
      await sent.locator('.imgs img').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.row.me .imgs img')].some((i) => i.complete && i.naturalWidth > 0));

      await reply(page, '确认提交吗');
      const confirm = page.locator('.row.bot .quick button', { hasText: '确认提交' }).last();
      await confirm.click();
      const done = await reply(page, /售后单号 AS/);
      const number = (await done.innerText()).match(/AS[0-9A-Z]+/)[0];
      assert.ok(await confirm.isDisabled(), 'an answered question\'s buttons are no longer live');
      await shot(page, size, 'fresh-claim');

      const mine = await api(await token('shopper', customer), 'GET', '/api/me/aftersales');
      assert.equal(mine.body.length, 1);
      assert.equal(mine.body[0].id, number);
      assert.equal(mine.body[0].evidence.length, 1, 'the photo is the evidence');
      assert.doesNotMatch(await page.locator('#log').innerText(), /置信度|confidence/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(`${size.name}: a handoff shows the queue, the agent's reply is labelled with their name, and the star rating is stored`, async () => {
    const customer = `E2EH${size.name[0]}${Date.now()}`;
    const agent = await token('agent', `E2E-AG-${size.name}`, '小王');
    // the agent has the console open: someone is online, so the shopper is told a wait
    const workspace = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws/agent`, { headers: { Authorization: `Bearer ${agent}` } });
    await new Promise((resolve, reject) => { workspace.once('message', resolve); workspace.once('error', reject); });
    const { page, context, problems } = await openPage(size, customer);
    try {
      await say(page, '<b>转人工</b>');
      await say(page, '转人工');
      const banner = page.locator('#queue');
      await banner.waitFor({ state: 'visible' });
      const conversationId = await conversationOf(page);
      const queue = (await api(agent, 'GET', '/api/agent/queue?limit=200')).body;
      const mine = queue.find((i) => i.conversationId === conversationId);
      assert.ok(mine, 'waiting in the queue');
      const ahead = mine.queuePosition - 1;
      assert.match(await banner.innerText(), ahead === 0 ? /您是下一位/ : new RegExp(`前面还有 ${ahead} 位`));
      assert.match(await banner.innerText(), /预计等待约 \d+ 分钟/);
      assert.equal(await page.locator('.row.me .bubble', { hasText: '<b>转人工</b>' }).count(), 1, 'shopper text is shown as text');
      await shot(page, size, 'queue');

      assert.equal((await api(agent, 'POST', `/api/agent/conversations/${conversationId}/claim`)).status, 200);
      await page.locator('.system', { hasText: '客服 小王 为您服务' }).waitFor();
      assert.equal((await api(agent, 'POST', `/api/agent/conversations/${conversationId}/messages`, { text: '您好，我是小王，马上为您处理' })).status, 202);
      const row = page.locator('.row.agent', { hasText: '您好，我是小王，马上为您处理' });
      await row.waitFor();
      assert.match(await row.locator('.who').innerText(), /小王\s*人工客服/);
      assert.ok(await banner.isHidden(), 'no queue once an agent serves');
      await shot(page, size, 'agent-reply');

      assert.equal((await api(agent, 'POST', `/api/agent/conversations/${conversationId}/resolve`)).status, 200);
      const panel = page.locator('#rating');
      await panel.waitFor();
      await panel.locator('.stars button').nth(3).click();
      await panel.locator('textarea').fill('很耐心');
      await shot(page, size, 'rating');
      await panel.locator('button', { hasText: '提交评价' }).click();
      await page.locator('.rating .done', { hasText: '您的评价：★★★★☆' }).waitFor();
      await reply(page, '感谢您的评价');
      assert.equal(await page.locator('#rating').count(), 0, 'the rating control is shown once');

      const transcript = (await api(agent, 'GET', `/api/agent/conversations/${conversationId}`)).body;
      assert.equal(transcript.rating, 4);
      assert.equal(transcript.ratingComment, '很耐心');
      assert.equal(transcript.events.filter((e) => e.type === 'message' && /^\d$/.test(e.text)).length, 0, 'no digit sent as chat');

      await say(page, '还有一个问题，草莓怎么保存');
      await page.locator('.divider', { hasText: '新的会话' }).waitFor();
      await reply(page, /草莓/);
      assert.notEqual(await conversationOf(page), conversationId, 'a new conversation after the rated one');
      assert.deepEqual(problems, []);
    } finally {
      workspace.close();
      await context.close();
    }
  });

  test(`${size.name}: a reload in the middle of a conversation shows its whole history`, async () => {
    const customer = `E2ER${size.name[0]}${Date.now()}`;
    const { page, context, problems } = await openPage(size, customer);
    try {
      await say(page, '草莓怎么保存');
      await reply(page, /草莓/);
      await say(page, '鸡蛋收到时破了怎么办');
      await page.waitForFunction(() => document.querySelectorAll('.row.bot').length >= 3);
      await page.waitForFunction(() => [...document.querySelectorAll('.row.me .meta')].every((m) => m.textContent.includes('已送达')));
      const before = await page.locator('#log .row').allInnerTexts();

      await page.reload();
      await page.locator('.row.me', { hasText: '鸡蛋收到时破了怎么办' }).waitFor({ timeout: 15000 });
      await page.waitForFunction((n) => document.querySelectorAll('#log .row').length >= n, before.length);
      const afterReload = await page.locator('#log .row').allInnerTexts();
      // a message's time on the page is the browser's until it is replayed with the time the server stored
      const strip = (rows) => rows.map((t) => t.replace(/(\d+月\d+日 )?\d{2}:\d{2}( · 已送达)?/, ''));
      assert.deepEqual(strip(afterReload), strip(before), 'the same history, in order');
      assert.ok(afterReload.every((t) => /\d{2}:\d{2}/.test(t)), 'every message has its time');
      await shot(page, size, 'reload');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(`${size.name}: a message whose ack was lost in a dropped connection is resent with its id and stored once`, async () => {
    const customer = `E2ED${size.name[0]}${Date.now()}`;
    const { page, context, link, problems } = await openPage(size, customer);
    try {
      link.dropAckOf = '快递到哪了';
      await say(page, '快递到哪了');
      await page.locator('#status', { hasText: '重连' }).waitFor();
      await page.locator('.row.me', { hasText: '快递到哪了' }).locator('.meta', { hasText: '已送达' }).waitFor({ timeout: 20000 });
      assert.equal(link.drops, 1);
      const sends = link.sent.filter((f) => f.type === 'message' && f.text === '快递到哪了');
      assert.equal(sends.length, 2, 'sent again after the reconnect');
      assert.equal(sends[0].id, sends[1].id, 'under the same id');
      await page.waitForFunction(() => document.querySelectorAll('.row.bot').length >= 2); // answered once
      assert.equal(await page.locator('.row.me', { hasText: '快递到哪了' }).count(), 1);

      const admin = await token('admin', 'E2E-ADMIN');
      const transcript = (await api(admin, 'GET', `/api/agent/conversations/${await conversationOf(page)}`)).body;
      assert.equal(transcript.events.filter((e) => e.type === 'message' && e.text === '快递到哪了').length, 1, 'stored once');
      assert.equal(transcript.events.filter((e) => e.type === 'reply' && e.from === 'bot').length, 2, 'greeting and one answer');
      assert.equal(await page.locator('.row.bot').count(), 2);

      link.failOf = '草莓怎么保存';
      await say(page, '草莓怎么保存');
      const failed = page.locator('.row.me', { hasText: '草莓怎么保存' }).locator('.meta.failed', { hasText: '发送失败：服务暂时不可用' });
      await failed.waitFor();
      await shot(page, size, 'failed');
      await failed.locator('button', { hasText: '重试' }).click();
      await page.locator('.row.me', { hasText: '草莓怎么保存' }).locator('.meta', { hasText: '已送达' }).waitFor();
      await reply(page, /草莓/);
      const retried = link.sent.filter((f) => f.type === 'message' && f.text === '草莓怎么保存');
      assert.equal(retried.length, 2);
      assert.equal(retried[0].id, retried[1].id, 'the retry keeps the text and the id');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test(`${size.name}: an over-long message shows the server's error and keeps its text`, async () => {
    const customer = `E2EL${size.name[0]}${Date.now()}`;
    const { page, context, problems } = await openPage(size, customer);
    try {
      const long = '草莓'.repeat(1000) + '？';
      await page.fill('#text', long);
      assert.equal(await page.locator('#count').innerText(), '2001/2000');
      assert.equal(await page.locator('#count').getAttribute('class'), 'over');
      await page.click('#sendBtn');
      await page.locator('#notice', { hasText: '消息太长了' }).waitFor();
      assert.equal(await page.inputValue('#text'), long, 'the text is back in the input, nothing lost');
      assert.equal(await page.locator('.row.me').count(), 0, 'no sent bubble for a refused message');
      assert.ok(await page.locator('.row.bot .quick button').first().isEnabled(), 'the question it did not answer stays open');
      await shot(page, size, 'too-long');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the favicon is served', async () => {
  const res = await fetch(`${BASE}/favicon.ico`);
  assert.equal(res.status, 200);
  assert.ok((await res.arrayBuffer()).byteLength > 0);
});
