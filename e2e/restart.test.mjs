// Restart with a waiting queue: a shopper is handed off and keeps writing; the service is killed
// (SIGKILL, no shutdown) and started again on the same data; the queue, every acknowledged message and
// every reply are still there, and the shopper resumes without loss or duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, freePort, startService, token } from './service.mjs';

test('the queue and the whole conversation survive a kill and restart', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kefu-restart-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let service = await startService(port, data);
  try {
    const customer = 'RST' + Date.now();
    const a = await connect(base, customer);
    const session = await a.waitFor((f) => f.type === 'session');
    a.ws.send(JSON.stringify({ type: 'message', id: 'r1', text: '转人工' }));
    await a.waitFor((f) => f.type === 'handoff');
    a.ws.send(JSON.stringify({ type: 'message', id: 'r2', text: '我的草莓烂了' }));
    const ack2 = await a.waitFor((f) => f.type === 'ack' && f.id === 'r2');
    const seen = a.frames.filter((f) => f.seq).map((f) => f.seq);
    a.ws.terminate();

    service.kill('SIGKILL');
    await new Promise((r) => service.once('exit', r));
    service = await startService(port, data);

    const queue = await (await fetch(`${base}/api/agent/queue`, { headers: { Authorization: `Bearer ${await token(base, 'agent', 'A9')}` } })).json();
    assert.ok(queue.some((q) => q.conversationId === session.conversationId), 'still waiting in the queue');

    const b = await connect(base, customer);
    const again = await b.waitFor((f) => f.type === 'session');
    assert.equal(again.conversationId, session.conversationId);
    assert.equal(again.state, 'WAITING_FOR_AGENT');
    b.ws.send(JSON.stringify({ type: 'resume', conversationId: session.conversationId, afterSeq: 0 }));
    await b.waitFor((f) => f.seq === again.lastSeq);
    const replayed = b.frames.filter((f) => f.seq).map((f) => f.seq);
    assert.deepEqual(replayed, Array.from({ length: again.lastSeq }, (_, i) => i + 1), 'every event once, in order');
    for (const s of seen) assert.ok(replayed.includes(s), `event ${s} kept`);
    assert.ok(b.frames.some((f) => f.type === 'message' && f.text === '我的草莓烂了' && f.seq === ack2.seq));
    b.ws.send(JSON.stringify({ type: 'message', id: 'r2', text: '我的草莓烂了' }));
    const reAck = await b.waitFor((f) => f.type === 'ack' && f.id === 'r2');
    assert.equal(reAck.seq, ack2.seq, 'a resend after the restart is recognised, not stored twice');
    b.ws.close();
  } finally {
    service.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
});

// Kill in the middle of an after-sales request: the shopper has asked for a refund and been shown the
// confirmation when the service dies. After the restart the request continues where it was, the
// confirmation creates exactly one after-sales order, and resending the confirmation creates no second.
test('an after-sales request interrupted by a kill is neither lost nor doubled', async () => {
  const data = mkdtempSync(join(tmpdir(), 'kefu-restart-flow-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let service = await startService(port, data);
  try {
    const customer = 'FLOW' + Date.now();
    const admin = await token(base, 'admin', 'ADM');
    const delivered = new Date(Date.now() - 3 * 3600 * 1000).toISOString();
    const order = await fetch(`${base}/api/admin/orders`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ orderId: `M-${customer}`, customerId: customer, category: 'fresh', status: 'delivered', deliveredAt: delivered,
        items: [{ sku: 'MILK', name: '鲜牛奶 950ml', qty: 1, price: 15.8, custom: false }] }) });
    assert.equal(order.status, 201);
    const shopper = await token(base, 'shopper', customer);
    const form = new FormData();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    form.append('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const photo = (await (await fetch(`${base}/api/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${shopper}` }, body: form })).json()).id;

    const a = await connect(base, customer);
    const session = await a.waitFor((f) => f.type === 'session');
    a.ws.send(JSON.stringify({ type: 'message', id: 'f1', text: '牛奶发错货了我要退款', attachments: [photo] }));
    const confirm = await a.waitFor((f) => f.type === 'reply' && f.from === 'bot' && f.seq > 2);
    assert.ok(confirm.quickReplies.some((q) => q.includes('确认')), JSON.stringify(confirm));
    a.ws.terminate();

    service.kill('SIGKILL');
    await new Promise((r) => service.once('exit', r));
    service = await startService(port, data);

    const b = await connect(base, customer);
    const again = await b.waitFor((f) => f.type === 'session');
    assert.equal(again.conversationId, session.conversationId);
    b.ws.send(JSON.stringify({ type: 'message', id: 'f2', text: '确认提交' }));
    const done = await b.waitFor((f) => f.type === 'reply' && (f.actions ?? []).some((x) => x.type === 'aftersales_created'));
    const ack = b.frames.find((f) => f.type === 'ack' && f.id === 'f2');
    b.ws.send(JSON.stringify({ type: 'message', id: 'f2', text: '确认提交' }));
    await b.waitFor((f) => f.type === 'ack' && f.id === 'f2' && f !== ack);
    const mine = await (await fetch(`${base}/api/me/aftersales`, { headers: { Authorization: `Bearer ${shopper}` } })).json();
    assert.equal(mine.length, 1, JSON.stringify(mine));
    assert.equal(mine[0].id, done.actions[0].aftersalesId);
    assert.equal(mine[0].orderId, `M-${customer}`);
    b.ws.close();
  } finally {
    service.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
});
