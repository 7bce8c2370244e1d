// Shared by the staff consoles (agent.html, editor.html): REST calls and what an expired login looks
// like, labels for the service's codes, and element building. Text from shoppers, agents and editors
// only ever reaches the page as textContent.
'use strict';
const Staff = (() => {
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function option(value, text) { const o = el('option', null, text); o.value = value; return o; }

  /*
   * An expired login, however it shows: a 401 from any call (the WebSocket ticket's too), or the socket's
   * token_expired frame or its close with status 4401 (SocketExpiry), which come first: the service takes
   * an expired token on REST for another minute (the JWT clock skew). Each console gives onExpired what to
   * do then: stop reconnecting, forget the token, show the login form and say why. Retrying with a dead
   * token only repeats the 401, every 30 s for ever, and never tells the agent or editor to log in again.
   */
  const EXPIRED = '登录已过期，请重新登录';
  let whenExpired = null;
  function onExpired(fn) { whenExpired = fn; }
  function expired() { if (whenExpired) whenExpired(EXPIRED); }
  /** Whether a socket's frame or close event says that its token expired. */
  function socketExpired(x) { return !!x && ((x.type === 'error' && x.code === 'token_expired') || x.code === 4401); }
  /** fetch with the token; a 401 is reported as an expired login before the caller sees the response. */
  async function authorized(token, path, init) {
    const res = await fetch(path, Object.assign({}, init, { headers: Object.assign({ Authorization: 'Bearer ' + token }, init && init.headers) }));
    if (res.status === 401) expired();
    return res;
  }

  /** A REST call; a refusal throws an Error carrying status, code and the server's message. */
  async function api(token, method, path, body) {
    const res = await authorized(token, path, { method, headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) {
      let data = {};
      try { data = await res.json(); } catch (e) { /* not JSON */ }
      const err = new Error(res.status + ' ' + (data.message || data.error || res.statusText));
      err.status = res.status; err.code = data.error; err.serverMessage = data.message;
      throw err;
    }
    if (res.status === 202 || res.status === 204) return null;
    const data = await res.json(), link = /<([^>]*)>;\s*rel="next"/.exec(res.headers.get('Link') || '');
    if (link && data && !Array.isArray(data)) { const u = new URL(link[1]); data.next = u.pathname + u.search; }
    if (link && Array.isArray(data)) { const u = new URL(link[1]); Object.defineProperty(data, 'next', { value: u.pathname + u.search }); }
    return data;
  }
  /** Every page of a list (follows Link: rel="next"). */
  async function all(token, path) {
    const out = [];
    for (let next = path; next; ) { const page = await api(token, 'GET', next); out.push(...page); next = page.next; }
    return out;
  }
  async function demoToken(role, subject, name) {
    const res = await fetch('/api/demo/token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role, subject, name: name || undefined }) });
    if (!res.ok) throw new Error(res.status === 404 ? '需要令牌（演示模式未开启）' : '演示令牌被拒绝（' + res.status + '）');
    return (await res.json()).token;
  }
  /** The token's claims, for the name and roles shown; the server checks them on every call. */
  function claims(token) {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part + '==='.slice((part.length + 3) % 4)), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  const LABELS = {
    handoff: { requested: '顾客要求', low_confidence: '机器人没把握', policy: '政策需人工', negative_sentiment: '顾客不满',
      repeated_failure: '多次未答上', transfer: '转接', agent_disconnected: '客服掉线', agent_claimed: '客服主动接入' },
    kind: { refund: '退款', return: '退货', replacement: '换货', reship: '补发' },
    reason: { spoiled: '变质/腐烂', damaged: '破损', wrong_item: '发错货', missing: '漏发/少件', quality: '质量问题', no_reason: '无理由',
      price_drop: '降价', goodwill: '补偿' },
    status: { requested: '已申请', under_review: '审核中', approved: '通过', rejected: '驳回', pickup_scheduled: '已约取件', received: '已收货',
      refunded: '已退款', replacement_shipped: '已发换货', closed: '关闭' },
    outcome: { approved: '可以通过', review: '需要主管审核', needs_evidence: '需要凭证', rejected: '不符合政策' },
    order: { created: '已下单', paid: '已付款', shipped: '已发货', delivered: '已签收', cancelled: '已取消' },
    category: { fresh: '生鲜', appliance: '家电', furniture: '家具', general: '通用' },
    state: { BOT: '机器人', WAITING_FOR_AGENT: '排队中', WITH_AGENT: '人工中', CLOSED: '已结束' },
    action: { answer: '直接回答', clarify: '反问澄清', handoff: '转人工' },
  };
  function label(group, code) {
    if (code === null || code === undefined || code === '') return '';
    const c = String(code).toLowerCase();
    return (LABELS[group] && (LABELS[group][code] || LABELS[group][c])) || String(code);
  }
  /** The lifecycle staff may move a case along (docs/api.md); approving a review is a supervisor's. */
  const NEXT = { under_review: ['approved', 'rejected'], approved: ['pickup_scheduled', 'refunded', 'replacement_shipped', 'closed'],
    pickup_scheduled: ['received', 'closed'], received: ['refunded', 'replacement_shipped'], refunded: ['closed'], replacement_shipped: ['closed'] };
  const REFUSALS = { not_held: '该会话不在您名下', already_claimed: '已被其他客服接入', agent_offline: '对方客服不在线', supervisor_required: '需要主管操作',
    own_case: '不能审核自己创建的售后单', invalid_transition: '当前状态不能这样变更', not_yours: '无权查看该会话', closed: '会话已结束',
    version_conflict: '文章已被他人修改', exists: '编号已存在', invalid_article: '内容不完整', not_found: '不存在或已删除', rate_limited: '操作太频繁，请稍后再试' };
  function refusal(e) {
    const known = e && e.code && REFUSALS[e.code];
    return known ? known + (e.serverMessage ? '（' + e.serverMessage + '）' : '') : (e && e.message) || String(e);
  }
  function urgency(u) { return u >= 2 ? '【紧急】' : u === 1 ? '【优先】' : ''; }
  function duration(s) {
    s = Math.max(0, Math.round(s));
    if (s < 60) return s + ' 秒';
    if (s < 3600) return Math.floor(s / 60) + ' 分 ' + String(s % 60).padStart(2, '0') + ' 秒';
    return Math.floor(s / 3600) + ' 小时 ' + Math.floor(s % 3600 / 60) + ' 分';
  }
  const pad = n => String(n).padStart(2, '0');
  /** A time in the browser's zone: "18:02", with the date ("11月30日 18:02") when asked or not today. */
  function time(iso, withDate) {
    const d = new Date(iso); if (isNaN(d)) return '';
    const today = new Date(), hm = pad(d.getHours()) + ':' + pad(d.getMinutes());
    if (!withDate && d.toDateString() === today.toDateString()) return hm;
    const tomorrow = new Date(today.getTime() + 86400000);
    if (d.toDateString() === today.toDateString()) return '今天 ' + hm;
    if (d.toDateString() === tomorrow.toDateString()) return '明天 ' + hm;
    return (d.getFullYear() !== today.getFullYear() ? d.getFullYear() + '年' : '') + (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + hm;
  }
  /** An after-sales window of an order card: "生鲜问题申请 可申请至 明天 18:00", "7天无理由退货 已过", "价保 剩 20 天". */
  function window(w) {
    if (!w.open) return w.label + ' 已过（' + time(w.until, true) + ' 截止）';
    const left = (Date.parse(w.until) - Date.now()) / 1000;
    return w.label + (left > 3 * 86400 ? ' 剩 ' + Math.floor(left / 86400) + ' 天' : ' 可申请至 ' + time(w.until, true));
  }
  /** The answer's light Markdown as plain text, for a reply box. */
  function plain(md) { return String(md).replace(/\*\*(.+?)\*\*/g, '$1'); }
  /**
   * Light Markdown (paragraphs, "- " lists, **bold**) as elements built from text nodes: whatever the
   * text holds, nothing in it becomes markup.
   */
  function markdown(md, into) {
    into.textContent = '';
    let list = null;
    String(md).split(/\r?\n/).forEach(lineText => {
      const item = /^\s*(?:[-*·]|\d+[.、)])\s+(.*)$/.exec(lineText);
      if (!lineText.trim()) { list = null; return; }
      let target;
      if (item) { if (!list) { list = el('ul'); into.appendChild(list); } target = el('li'); list.appendChild(target); lineText = item[1]; }
      else { list = null; target = el('p'); into.appendChild(target); }
      lineText.split(/(\*\*[^*]+\*\*)/).forEach(part => {
        const bold = /^\*\*([^*]+)\*\*$/.exec(part);
        target.appendChild(bold ? el('strong', null, bold[1]) : document.createTextNode(part));
      });
    });
  }
  return { el, option, onExpired, expired, socketExpired, authorized, api, all, demoToken, claims, label, NEXT, refusal, urgency, duration,
    time, window, plain, markdown };
})();
