// Helpers shared by the end-to-end tests that start their own service instances (restart, db-outage),
// and a short-lived token for those that watch a login expire (login-expiry, miniprogram).
import { spawn } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import WebSocket from 'ws';

const JAVA = process.env.JAVA ?? 'java';
const JAR = process.env.JAR ?? new URL('../target/quarkus-app/quarkus-run.jar', import.meta.url).pathname;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/**
 * Starts the packaged service in demo mode on the port with its own data folder, from the project folder
 * (so it finds knowledge-base/), and waits until it is healthy. `args` are extra -D options.
 */
export async function startService(port, data, args = []) {
  const p = spawn(JAVA, ['--add-modules', 'jdk.incubator.vector', '-Dkefu.demo.enabled=true', `-Dkefu.data.dir=${data}`,
    `-Dquarkus.http.port=${port}`, '-Dquarkus.http.host=127.0.0.1', ...args, '-jar', JAR], { stdio: 'ignore', cwd: new URL('..', import.meta.url).pathname });
  const deadline = Date.now() + 90000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/q/health`)).ok) return p;
    } catch { /* not up yet */ }
    if (Date.now() > deadline || p.exitCode !== null) throw new Error('service did not start');
    await sleep(500);
  }
}

export async function token(base, role, subject) {
  const res = await fetch(`${base}/api/demo/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, subject }) });
  return (await res.json()).token;
}

const DEMO_KEY = new URL('../demo-keys/privateKey.pem', import.meta.url);

/**
 * A token as POST /api/demo/token issues it (the same issuer, audience and claims, signed RS256 with the
 * demo key of demo-keys/, application.properties kefu.jwt.*) that expires in `seconds`: demo tokens live
 * 12 h, too long for a test to watch one expire.
 */
export function expiringToken(role, subject, seconds, name = subject) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: subject, upn: subject, groups: role === 'supervisor' ? ['agent', 'supervisor'] : [role], name,
    iat: now, exp: now + seconds, jti: randomUUID(), iss: 'https://kefu.local/demo', aud: 'kefu' };
  const body = `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(claims)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(readFileSync(DEMO_KEY), 'base64url')}`;
}

/** A shopper connection that records every frame; `waitFor` finds the first frame that matches. */
export async function connect(base, customer) {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/chat`, { headers: { Authorization: `Bearer ${await token(base, 'shopper', customer)}` } });
  const frames = [];
  ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const waitFor = async (match, ms = 10000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const f = frames.find(match);
      if (f) return f;
      await sleep(50);
    }
    throw new Error('no matching frame in ' + JSON.stringify(frames));
  };
  return { ws, frames, waitFor };
}
