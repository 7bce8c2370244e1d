// The chat page: a view of ChatConnection. Shopper and agent text is bound as data into <text>, which
// WXML always shows as text (there is no innerHTML here), so nothing a user typed is ever markup.
const { ChatConnection } = require('../../lib/connection');
const { orderCard } = require('../../lib/protocol');
const { socketOpener, uploadImage } = require('../../lib/wx-adapter');
const config = require('../../config');

const app = getApp();

function view(event) {
  if (event.type === 'message') return { key: `s${event.seq}`, mine: true, text: event.text || '[图片]' };
  if (event.type === 'reply') {
    return {
      key: `s${event.seq}`, mine: false, from: event.from, text: event.text,
      agent: event.agent ? event.agent.name : '', card: orderCard(event), quick: event.quickReplies || [],
    };
  }
  if (event.type === 'handoff') return { key: `s${event.seq}`, notice: `正在为您转接人工客服，前面还有 ${event.queuePosition} 位` };
  if (event.type === 'agent_joined') return { key: `s${event.seq}`, notice: `客服 ${event.agent.name} 为您服务` };
  if (event.type === 'agent_left') return { key: `s${event.seq}`, notice: `客服 ${event.agent.name} 已离开` };
  return null;
}

Page({
  data: { items: [], quick: [], draft: '', status: 'connecting', sending: false },

  onLoad() {
    this.chat = new ChatConnection({
      url: `${config.kefuUrl.replace(/^http/, 'ws')}/ws/chat`,
      token: (fresh) => app.token(fresh),
      openSocket: socketOpener(wx),
      onEvent: (e) => this.show(e),
      onStatus: (status, detail) => {
        if (status === 'error' && detail && detail.message) wx.showToast({ title: detail.message, icon: 'none' });
        this.setData({ status });
      },
    });
    this.chat.connect();
  },

  onUnload() {
    this.chat.close();
  },

  show(event) {
    const item = view(event);
    if (!item) return;
    const items = this.data.items.concat([item]);
    this.setData({ items, quick: item.quick || this.data.quick, last: item.key });
  },

  onInput(e) {
    this.setData({ draft: e.detail.value });
  },

  send() {
    const text = this.data.draft.trim();
    if (!text) return;
    this.chat.send(text);
    this.setData({ draft: '', quick: [] });
  },

  tapQuick(e) {
    this.chat.send(e.currentTarget.dataset.text);
    this.setData({ quick: [] });
  },

  chooseImage() {
    wx.chooseMedia({
      count: 1, mediaType: ['image'], sizeType: ['compressed'],
      success: ({ tempFiles }) => {
        this.setData({ sending: true });
        app.token()
          .then((token) => uploadImage(wx, config.kefuUrl, token, tempFiles[0].tempFilePath))
          .then((id) => this.chat.send('[图片]', [id]))
          .catch((err) => wx.showToast({ title: err.message, icon: 'none' }))
          .then(() => this.setData({ sending: false }));
      },
    });
  },
});
