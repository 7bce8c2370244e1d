// Where the shop's services are. Both hosts must be on the mini-program's domain lists (docs/wechat.md):
// kefu under "socket合法域名" (wss) and "uploadFile合法域名" (https), the shop under "request合法域名".
module.exports = {
  kefuUrl: 'https://kefu.example-shop.cn',
  shopLoginUrl: 'https://api.example-shop.cn/wechat/login',
};
