// Database briefly unavailable: the service runs against an H2 server process, which is killed while a
// shopper chats and started again on the same files. While it is down the shopper gets a clear
// `unavailable` error (and readiness reports DOWN); once it is back, the same message id is accepted
// without restarting the service, and every acknowledged message and reply is there exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { connect, freePort, sleep, startService } from './service.mjs';

const JAVA = process.env.JAVA ?? 'java';
const H2_JAR = process.env.H2_JAR;

async function startDatabase(port, dir) {
  const p = spawn(JAVA, ['-cp', H2_JAR, 'org.h2.tools.Server', '-tcp', '-tcpPort', String(port), '-ifNotExists', '-baseDir', dir],
    { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(true));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
    });
    if (open) return p;
    await sleep(100);
  }
  throw new Error('H2 server did not start');
}

test('the database goes away and comes back while a shopper chats', { skip: !H2_JAR && 'H2_JAR not set' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-db-outage-'));
  const dbPort = await freePort();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let db = await startDatabase(dbPort, join(dir, 'db'));
  const service = await startService(port, join(dir, 'data'), [`-Dquarkus.datasource.jdbc.url=jdbc:h2:tcp://127.0.0.1:${dbPort}/kefu;WRITE_DELAY=0`]);
  try {
    const { ws, frames, waitFor } = await connect(base, 'DBOUT' + Date.now());
    const session = await waitFor((f) => f.type === 'session');
    ws.send(JSON.stringify({ type: 'message', id: 'd1', text: '草莓怎么保存' }));
    await waitFor((f) => f.type === 'ack' && f.id === 'd1');
    await waitFor((f) => f.type === 'reply' && f.seq === 3);

    db.kill('SIGKILL');
    await new Promise((r) => db.once('exit', r));
    ws.send(JSON.stringify({ type: 'message', id: 'd2', text: '牛奶怎么保存' }));
    const error = await waitFor((f) => f.type === 'error' && f.id === 'd2', 60000);
    assert.equal(error.code, 'unavailable', JSON.stringify(error));
    assert.equal((await fetch(`${base}/q/health/ready`)).status, 503, 'readiness reports the database down');

    db = await startDatabase(dbPort, join(dir, 'db'));
    let ack;
    for (let attempt = 0; attempt < 30 && !ack; attempt++) { // the shopper's app resends the same id
      frames.length = 0;
      ws.send(JSON.stringify({ type: 'message', id: 'd2', text: '牛奶怎么保存' }));
      ack = await waitFor((f) => (f.type === 'ack' && f.id === 'd2') || (f.type === 'error' && f.id === 'd2'), 20000)
        .then((f) => (f.type === 'ack' ? f : undefined));
      if (!ack) await sleep(1000);
    }
    assert.ok(ack, 'accepted again without restarting the service');
    await waitFor((f) => f.type === 'reply' && f.seq === ack.seq + 1);

    frames.length = 0;
    ws.send(JSON.stringify({ type: 'resume', conversationId: session.conversationId, afterSeq: 0 }));
    await waitFor((f) => f.seq === ack.seq + 1);
    const replayed = frames.filter((f) => f.seq);
    assert.deepEqual(replayed.map((f) => f.seq), Array.from({ length: ack.seq + 1 }, (_, i) => i + 1), 'every event once, in order');
    assert.deepEqual(replayed.filter((f) => f.type === 'message').map((f) => f.id), ['d1', 'd2']);
    ws.close();
  } finally {
    service.kill('SIGKILL');
    db.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
