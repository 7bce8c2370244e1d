// One chat connection that survives the network: reconnects with exponential backoff (and jitter, so
// a shop's users do not all come back at once after an outage), resumes the conversation from the last
// seq it saw, and resends messages not yet acknowledged with their ids. No `wx` here: the socket comes
// from `openSocket` (lib/wx-adapter.js in the mini-program, a stub in tests).
'use strict';

const { Conversation } = require('./protocol');

class ChatConnection {
  /**
   * @param {object} o
   * @param {string} o.url          wss://…/ws/chat
   * @param {(fresh: boolean) => Promise<string>} o.token  a shopper token (the shop's sign-in,
   *        lib/wx-adapter.js signIn); `fresh` after a socket that never opened (e.g. 401: the token expired)
   *        or one closed because its token expired (token_expired, 4401)
   * @param {(opts: {url: string, header: object}) => object} o.openSocket  a SocketTask-like object
   * @param {(event: object) => void} [o.onEvent]     each new event of the conversation, once
   * @param {(status: string, detail?: any) => void} [o.onStatus]  connecting, open, closed, error
   * @param {object} [o.backoff]    {baseMs, maxMs}
   * @param {object} [o.timers]     {setTimeout, clearTimeout}
   * @param {() => number} [o.random]
   */
  constructor(o) {
    this.o = Object.assign({ onEvent() {}, onStatus() {}, backoff: { baseMs: 1000, maxMs: 30000 },
      timers: { setTimeout, clearTimeout }, random: Math.random }, o);
    this.conversation = new Conversation();
    this.socket = null;
    this.open = false;
    this.attempts = 0;
    this.stopped = false;
    this.timer = null;
    this.refused = false;
    this.expired = false;
  }

  async connect() {
    this.stopped = false;
    this.o.onStatus('connecting');
    let token;
    try {
      token = await this.o.token(this.refused);
    } catch (e) {
      this.o.onStatus('error', e);
      this.retry();
      return;
    }
    const socket = this.o.openSocket({ url: this.o.url, header: { Authorization: `Bearer ${token}` } });
    this.socket = socket;
    this.expired = false;
    let opened = false;
    socket.onOpen(() => {
      opened = true;
      this.refused = false;
      this.open = true;
      this.attempts = 0;
      this.o.onStatus('open');
    });
    socket.onMessage(({ data }) => this.receive(JSON.parse(data)));
    const down = (detail) => {
      if (this.socket !== socket) return;
      this.open = false;
      this.socket = null;
      // The service still takes an expired token for a while (JWT clock skew), only to close the socket
      // again at its next check: after token_expired (4401) the next attempt signs in again.
      this.refused = !opened || this.expired || !!(detail && detail.code === 4401);
      this.o.onStatus('closed', detail);
      this.retry();
    };
    socket.onClose(down);
    socket.onError(down);
  }

  /** The next attempt's delay: base·2^attempts, at most max, minus up to a third at random. */
  delay() {
    const { baseMs, maxMs } = this.o.backoff;
    const full = Math.min(maxMs, baseMs * 2 ** this.attempts);
    return Math.round(full - (full / 3) * this.o.random());
  }

  retry() {
    if (this.stopped || this.timer) return;
    const wait = this.delay();
    this.attempts += 1;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = null;
      this.connect();
    }, wait);
  }

  receive(frame) {
    const out = this.conversation.receive(frame);
    for (const f of out.send) this.raw(f);
    for (const e of out.events) this.o.onEvent(e);
    // token_expired is handled here (a fresh token on reconnecting), not something to tell the shopper
    if (out.error && out.error.code === 'token_expired') this.expired = true;
    else if (out.error) this.o.onStatus('error', out.error);
    return out;
  }

  /** Sends a message (now, or once connected again); returns its id. */
  send(text, attachments = []) {
    const { id, frame } = this.conversation.message(text, attachments);
    if (this.open) this.raw(frame);
    return id;
  }

  raw(frame) {
    if (this.socket && this.open) this.socket.send({ data: frame });
  }

  close() {
    this.stopped = true;
    if (this.timer) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.socket) this.socket.close({ code: 1000 });
    this.socket = null;
    this.open = false;
  }
}

module.exports = { ChatConnection };
