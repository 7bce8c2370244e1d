// The mini-program's chat logic (clients/miniprogram/lib) against the running service, with the `wx`
// API stubbed on node: wx.connectSocket is a real WebSocket with the Authorization header (as the
// mini-program sends it), wx.uploadFile a real multipart upload, wx.login and the shop's sign-in a
// fake shop backend that maps the login code to an openid and the openid to a customer (docs/wechat.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import WebSocket from 'ws';
import { expiringToken } from './service.mjs';

const require = createRequire(import.meta.url);
const { ChatConnection } = require('../clients/miniprogram/lib/connection.js');
const { orderCard } = require('../clients/miniprogram/lib/protocol.js');
const { socketOpener, uploadImage, signIn } = require('../clients/miniprogram/lib/wx-adapter.js');

const BASE = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const RUN = Date.now().toString(36);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function demoToken(role, subject) {
  const res = await fetch(`${BASE}/api/demo/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, subject }) });
  assert.equal(res.status, 200);
  return (await res.json()).token;
}

// ---- the shop's side: code → openid (WeChat's code2Session, faked) → customer → a Kefu shopper token
const customersByOpenid = new Map();
const shortLived = new Map(); // customer → seconds: the next sign-in's token lives only that long
let shop;
let shopUrl;
before(async () => {
  shop = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { code } = JSON.parse(body || '{}');
    const openid = typeof code === 'string' && code.startsWith('code-') ? `o${code.slice(5)}` : null; // code2Session
    const customer = openid && customersByOpenid.get(openid);
    if (!customer) { res.writeHead(401).end(); return; }
    const seconds = shortLived.get(customer);
    shortLived.delete(customer);
    // a real shop signs its own token (docs/wechat.md)
    const token = seconds ? expiringToken('shopper', customer, seconds) : await demoToken('shopper', customer);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token }));
  });
  await new Promise((r) => shop.listen(0, '127.0.0.1', r));
  shopUrl = `http://127.0.0.1:${shop.address().port}/wechat/login`;
});
after(() => { shop.closeAllConnections(); shop.close(); });

/** The `wx` API as the lib uses it; every socket it opens is kept, so a test can cut the network. */
function fakeWx(user) {
  const sockets = [];
  const wx = {
    sockets,
    login: ({ success }) => setImmediate(() => success({ code: `code-${user}` })),
    request: ({ url, method, data, success, fail }) => fetch(url, { method, body: JSON.stringify(data),
      headers: { 'Content-Type': 'application/json' } })
      .then(async (r) => success({ statusCode: r.status, data: r.status === 200 ? await r.json() : null }), (e) => fail({ errMsg: e.message })),
    connectSocket: ({ url, header }) => {
      const ws = new WebSocket(url, { headers: header });
      ws.header = header;
      sockets.push(ws);
      return {
        onOpen: (cb) => ws.on('open', () => cb({})),
        onMessage: (cb) => ws.on('message', (data) => cb({ data: data.toString() })),
        onClose: (cb) => ws.on('close', (code, reason) => cb({ code, reason: reason.toString() })),
        onError: (cb) => ws.on('error', (e) => cb({ errMsg: e.message })),
        send: ({ data }) => ws.send(data),
        close: ({ code } = {}) => ws.close(code ?? 1000),
      };
    },
    uploadFile: async ({ url, filePath, name, header, success, fail }) => {
      try {
        const form = new FormData();
        form.append(name, new Blob([await readFile(filePath)], { type: 'image/png' }), 'photo.png');
        const r = await fetch(url, { method: 'POST', headers: header, body: form });
        success({ statusCode: r.status, data: await r.text() });
      } catch (e) {
        fail({ errMsg: e.message });
      }
    },
  };
  return wx;
}

const clients = [];
after(() => clients.forEach((c) => c.chat.close()));

/** A signed-in chat client as the page builds it, recording events and statuses. */
function client(user, customer) {
  customersByOpenid.set(`o${user}`, customer);
  const wx = fakeWx(user);
  const events = [];
  const statuses = [];
  const details = [];
  let token = null;
  const chat = new ChatConnection({
    url: `${BASE.replace(/^http/, 'ws')}/ws/chat`,
    token: async (fresh) => {
      if (!token || fresh) token = await signIn(wx, shopUrl);
      return token;
    },
    openSocket: socketOpener(wx),
    onEvent: (e) => events.push(e),
    onStatus: (s, d) => { statuses.push(s); details.push(d); },
    backoff: { baseMs: 50, maxMs: 400 },
  });
  const waitFor = async (what, match, timeoutMs = 15000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what}; events: ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const c = { wx, chat, events, statuses, details, waitFor, token: () => token };
  clients.push(c);
  return c;
}

test('a shopper signed in through wx.login chats over /ws/chat with the Authorization header', async () => {
  const c = client(`u1${RUN}`, `MP1${RUN}`);
  await c.chat.connect();
  await c.waitFor('the greeting', (e) => e.type === 'reply' && e.seq === 1);
  const id = c.chat.send('草莓怎么保存');
  await c.waitFor('the ack', (e) => e.type === 'message' && e.id === id);
  const answer = await c.waitFor('the answer', (e) => e.type === 'reply' && e.seq === 3);
  assert.match(answer.text, /草莓/);
  c.chat.close();
});

test('after the network drops it reconnects with backoff, resumes, resends unacknowledged messages once and shows each event once', async () => {
  const c = client(`u2${RUN}`, `MP2${RUN}`);
  await c.chat.connect();
  await c.waitFor('the greeting', (e) => e.type === 'reply' && e.seq === 1);
  c.chat.send('草莓怎么保存');
  const first = await c.waitFor('the first answer', (e) => e.type === 'reply' && e.seq === 3);

  c.wx.sockets[0].terminate(); // the network goes, no close handshake
  const offline = c.chat.send('冰箱不制冷怎么办'); // typed while offline: queued, sent after reconnecting
  const answer = await c.waitFor('the answer after reconnecting', (e) => e.type === 'reply' && e.seq > first.seq);
  assert.match(answer.text, /冰箱|制冷/);
  assert.ok(c.wx.sockets.length >= 2, 'a new socket was opened');
  assert.ok(c.statuses.includes('closed') && c.statuses.lastIndexOf('open') > c.statuses.indexOf('closed'));
  assert.ok(c.events.some((e) => e.type === 'message' && e.id === offline), 'the offline message was acknowledged');

  // a frame seen twice (a resume overlapping a live push) is shown once
  const seqs = c.events.map((e) => e.seq);
  c.chat.receive({ ...answer });
  assert.deepEqual(c.events.map((e) => e.seq), seqs);
  assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b), 'each seq once, in order');

  // a second device that missed everything resumes the whole conversation
  const other = client(`u2${RUN}`, `MP2${RUN}`);
  await other.chat.connect();
  await other.waitFor('the replayed answer', (e) => e.seq === answer.seq);
  assert.deepEqual(other.events.map((e) => e.seq), c.events.map((e) => e.seq));
  const resent = other.events.filter((e) => e.type === 'message' && e.text === '冰箱不制冷怎么办');
  assert.equal(resent.length, 1, 'the resent message was stored once');
  c.chat.close();
  other.chat.close();
});

test('an evidence photo goes up with wx.uploadFile and an after-sales reply carries its order card and quick replies', async () => {
  const customer = `MP3${RUN}`;
  const delivered = new Date(Date.now() - 20 * 3600 * 1000).toISOString();
  const admin = await demoToken('admin', 'ADM');
  const res = await fetch(`${BASE}/api/admin/orders`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ orderId: `O-${customer}`, customerId: customer, category: 'fresh', status: 'delivered', deliveredAt: delivered,
      items: [{ sku: 'STRAW', name: '丹东草莓 500g', qty: 2, price: 19.9, custom: false }] }) });
  assert.equal(res.status, 201);

  const c = client(`u3${RUN}`, customer);
  await c.chat.connect();
  await c.waitFor('the greeting', (e) => e.seq === 1);
  const path = `${process.env.TMPDIR ?? '/tmp'}/mp-${RUN}.png`;
  await import('node:fs/promises').then((fs) => fs.writeFile(path, PNG));
  const photo = await uploadImage(c.wx, BASE, c.token(), path);
  assert.match(photo, /^AT/);
  c.chat.send('昨天买的草莓烂了一半', [photo]);
  const confirm = await c.waitFor('the confirmation', (e) => e.type === 'reply' && e.aftersales);
  const card = orderCard(confirm);
  assert.equal(card.orderId, `O-${customer}`);
  assert.equal(card.kind, '退款');
  assert.ok(confirm.quickReplies.includes('确认提交'));

  await assert.rejects(uploadImage(c.wx, BASE, 'not-a-token', path), /401|upload/);
  c.chat.close();
});

test('when its token expires the socket is closed (4401) and the client signs in again instead of reusing the token', async () => {
  const customer = `MP4${RUN}`;
  shortLived.set(customer, 20); // time to sign in, connect and be greeted on a busy machine
  const c = client(`u4${RUN}`, customer);
  await c.chat.connect();
  await c.waitFor('the greeting', (e) => e.type === 'reply' && e.seq === 1);
  const expired = c.token();

  // expired at 20 s, closed at the service's next check (within 15 s more)
  for (const deadline = Date.now() + 50000; !c.details.some((d) => d && d.code === 4401); await new Promise((r) => setTimeout(r, 100))) {
    assert.ok(Date.now() < deadline, `no 4401 close; statuses: ${c.statuses}`);
  }
  const id = c.chat.send('草莓怎么保存');
  await c.waitFor('the ack after signing in again', (e) => e.type === 'message' && e.id === id);
  const answer = await c.waitFor('the answer', (e) => e.type === 'reply' && e.seq > 2);
  assert.match(answer.text, /草莓/);
  assert.notEqual(c.token(), expired, 'signed in again');
  const reused = c.wx.sockets.slice(1).filter((ws) => ws.header.Authorization === `Bearer ${expired}`);
  assert.equal(reused.length, 0, 'no socket opened with the expired token once it had expired');
  assert.ok(!c.statuses.includes('error'), 'nothing shown to the shopper: token_expired is handled, not an error');
  const seqs = c.events.map((e) => e.seq);
  assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b), 'each seq once, in order');
  c.chat.close();
});
