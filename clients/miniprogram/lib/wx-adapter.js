// The only module that calls the `wx` API, which it is given (the mini-program passes the global
// `wx`; tests pass a stub): sockets, image upload, and sign-in through the shop's own backend.
'use strict';

/** wx.connectSocket as ChatConnection's openSocket. A mini-program may have 5 sockets open at once. */
function socketOpener(wx) {
  return ({ url, header }) => {
    const task = wx.connectSocket({ url, header, timeout: 10000 });
    return {
      onOpen: (cb) => task.onOpen(cb),
      onMessage: (cb) => task.onMessage(cb),
      onClose: (cb) => task.onClose(cb),
      onError: (cb) => task.onError(cb),
      send: (o) => task.send(o),
      close: (o) => task.close(o || {}),
    };
  };
}

/** Uploads a chosen image to POST /api/attachments; resolves to its id (AT…). */
function uploadImage(wx, baseUrl, token, filePath) {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: `${baseUrl}/api/attachments`,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      success: (res) => {
        let body = {};
        try { body = JSON.parse(res.data); } catch (e) { /* not JSON: reported below */ }
        if (res.statusCode === 201 && body.id) resolve(body.id);
        else reject(Object.assign(new Error(body.message || `upload failed (${res.statusCode})`), { code: body.error, status: res.statusCode }));
      },
      fail: (err) => reject(new Error(err && err.errMsg ? err.errMsg : 'upload failed')),
    });
  });
}

/**
 * Signs in: wx.login's code goes to the shop's backend, which exchanges it for the openid
 * (code2Session, with the AppSecret it never gives to the client), finds its customer and answers a
 * Kefu shopper token (docs/wechat.md). Resolves to the token.
 */
function signIn(wx, shopLoginUrl) {
  return new Promise((resolve, reject) => {
    wx.login({
      success: ({ code }) => wx.request({
        url: shopLoginUrl,
        method: 'POST',
        data: { code },
        success: (res) => (res.statusCode === 200 && res.data && res.data.token
          ? resolve(res.data.token) : reject(new Error(`sign-in refused (${res.statusCode})`))),
        fail: (err) => reject(new Error(err.errMsg || 'sign-in failed')),
      }),
      fail: (err) => reject(new Error(err.errMsg || 'wx.login failed')),
    });
  });
}

module.exports = { socketOpener, uploadImage, signIn };
