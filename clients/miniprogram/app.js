const { signIn } = require('./lib/wx-adapter');
const config = require('./config');

App({
  globalData: { token: null },

  /** A shopper token for Kefu, signed in once per launch (and again when the token is refused). */
  token(force) {
    if (this.globalData.token && !force) return Promise.resolve(this.globalData.token);
    return signIn(wx, config.shopLoginUrl).then((token) => {
      this.globalData.token = token;
      return token;
    });
  },
});
