// End-to-end: a shopper asks for a human over WebSocket; the agent console (in headless Chromium)
// shows the conversation, the agent claims it and replies, and the shopper receives the reply.
// Shopper text on the page is escaped: a <script> message shows as text and never runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const BASE = process.env.KEFU_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function token(role, subject, name) {
  const res = await fetch(`${BASE}/api/demo/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, subject, name }),
  });
  assert.equal(res.status, 200);
  return (await res.json()).token;
}

/** A shopper connection that queues the server's frames. */
async function shopper(customerId) {
  const ws = new WebSocket(`${BASE.replace(/^http/, 'ws')}/ws/chat`, { headers: { Authorization: `Bearer ${await token('shopper', customerId)}` } });
  const frames = [];
  const waiters = [];
  ws.on('message', (data) => {
    const f = JSON.parse(data.toString());
    frames.push(f);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const next = async (match, timeoutMs = 10000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = frames.findIndex(match);
      if (i >= 0) return frames.splice(i, 1)[0];
      if (Date.now() > deadline) throw new Error('no matching frame; got ' + JSON.stringify(frames));
      await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
    }
  };
  const say = (id, text) => ws.send(JSON.stringify({ type: 'message', id, text }));
  return { ws, next, say };
}

test('an agent takes over a handed-off chat in the console and the shopper gets the reply', async () => {
  const customer = 'E2E' + Date.now();
  const s = await shopper(customer);
  const session = await s.next((f) => f.type === 'session');
  s.say('e2e-1', '<script>window.pwned=1</script>我要找人工客服');
  await s.next((f) => f.type === 'handoff');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(`${BASE}/agent.html`);
    await page.fill('#agentId', 'E2E-AGENT');
    await page.fill('#agentName', '小王');
    await page.click('#connect');
    const item = page.locator(`.item[data-conversation="${session.conversationId}"]`);
    await item.waitFor({ timeout: 15000 });
    assert.match(await item.innerText(), /<script>window\.pwned=1<\/script>我要找人工客服/, 'shopper text is shown as text');
    await item.locator('button.claim').click();
    await s.next((f) => f.type === 'agent_joined' && f.agent.name === '小王');
    await page.locator('#transcript .msg.shopper').first().waitFor();
    assert.match(await page.locator('#transcript').innerText(), /<script>window\.pwned=1<\/script>/);

    await page.fill('#text', '您好，我是小王，马上为您处理');
    await page.click('#send');
    const reply = await s.next((f) => f.type === 'reply' && f.from === 'agent');
    assert.equal(reply.text, '您好，我是小王，马上为您处理');

    s.say('e2e-2', '谢谢！');
    await page.locator('#transcript .msg.shopper', { hasText: '谢谢！' }).waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'the shopper\'s script never ran');
    assert.deepEqual(dialogs, []);
    await page.screenshot({ path: 'agent-console.png' });
  } finally {
    await browser.close();
    s.ws.close();
  }
});
