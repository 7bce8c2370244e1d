// The /ws/chat protocol as a mini-program client keeps it (docs/api.md): frames to send, and the
// conversation as received, each event once and in seq order. Plain JavaScript, no `wx`: node's test
// runner drives it against the running service (e2e/miniprogram.test.mjs).
'use strict';

let counter = 0;

/** A client message id, unique per device: a resend with the same id is stored and answered once. */
function newMessageId(now = Date.now(), random = Math.random) {
  counter += 1;
  return `mp-${now.toString(36)}-${counter}-${Math.floor(random() * 1e6).toString(36)}`;
}

const frames = {
  message: (id, text, attachments = []) => JSON.stringify({ type: 'message', id, text, attachments }),
  resume: (conversationId, afterSeq) => JSON.stringify({ type: 'resume', conversationId, afterSeq }),
  rate: (score, comment) => JSON.stringify({ type: 'rate', score, comment }),
};

const KINDS = { return: '退货', replacement: '换货', refund: '退款', reship: '补发' };
const REASONS = {
  spoiled: '变质/腐烂', damaged: '破损', wrong_item: '发错货', missing: '少件', quality: '质量问题',
  no_reason: '七天无理由', price_drop: '降价',
};

/** The order card of a reply that is about an after-sales request (its `aftersales`), or null. */
function orderCard(reply) {
  const a = reply && reply.aftersales;
  if (!a || !a.orderId) return null;
  return {
    orderId: a.orderId,
    item: a.item || '',
    kind: a.kind ? KINDS[a.kind] || a.kind : '',
    reason: a.reason ? REASONS[a.reason] || a.reason : '',
    step: a.step,
    decision: reply.decision ? reply.decision.outcome : null,
  };
}

/**
 * The conversation as this client knows it. `receive` takes a parsed server frame and returns what the
 * client must do: `events` to show (new ones only: a replayed or repeated seq is dropped), `send`
 * (frames to send now: a resume after reconnecting, the messages not yet acknowledged), `acked` ids.
 */
class Conversation {
  constructor() {
    this.conversationId = null;
    this.lastSeq = 0;
    this.events = [];
    this.pending = new Map(); // id -> message frame, until acknowledged
    this.state = null;
  }

  /** Queues a message; it is sent now if connected, else after the next session frame. */
  message(text, attachments = [], id = newMessageId()) {
    const frame = frames.message(id, text, attachments);
    this.pending.set(id, frame);
    return { id, frame };
  }

  receive(frame) {
    const out = { events: [], send: [], acked: [], error: null };
    switch (frame.type) {
      case 'session': {
        if (this.conversationId !== frame.conversationId) {
          // a first connection, or the old conversation was closed: follow the new one from its start
          this.conversationId = frame.conversationId;
          this.lastSeq = 0;
          this.events = [];
          if (frame.lastSeq > 1) out.send.push(frames.resume(frame.conversationId, 0));
        } else if (frame.lastSeq > this.lastSeq) {
          out.send.push(frames.resume(frame.conversationId, this.lastSeq));
        }
        this.state = frame.state;
        for (const f of this.pending.values()) out.send.push(f); // same ids: stored at most once
        break;
      }
      case 'more':
        out.send.push(frames.resume(frame.conversationId, frame.afterSeq));
        break;
      case 'ack':
        this.pending.delete(frame.id);
        out.acked.push(frame.id);
        if (frame.conversationId !== this.conversationId) {
          // the message opened a new conversation (the old one was full or closed)
          this.conversationId = frame.conversationId;
          this.lastSeq = 0;
          this.events = [];
        }
        this.accept({ seq: frame.seq, type: 'message', from: 'shopper', id: frame.id, mine: true }, out);
        break;
      case 'error':
        if (frame.id && frame.code !== 'unavailable' && frame.code !== 'internal_error') {
          this.pending.delete(frame.id); // refused for good (too long, unknown attachment…): not resent
        }
        out.error = frame;
        break;
      default:
        if (typeof frame.seq === 'number') this.accept(frame, out);
    }
    return out;
  }

  accept(event, out) {
    if (event.seq <= this.lastSeq) return; // seen already (a resume overlapping a live push)
    this.lastSeq = event.seq;
    this.events.push(event);
    if (event.type === 'handoff') this.state = 'WAITING_FOR_AGENT';
    if (event.type === 'agent_joined') this.state = 'WITH_AGENT';
    out.events.push(event);
  }
}

module.exports = { newMessageId, frames, orderCard, Conversation };
