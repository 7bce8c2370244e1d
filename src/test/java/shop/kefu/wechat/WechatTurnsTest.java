package shop.kefu.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The order a mini-program page card names, read from its page path. */
class WechatTurnsTest {

    @Test
    void aCardNamesTheOrderOfItsPagePathUnlessDecodingMakesItUnstorable() {
        assertEquals("D-WX-77", WechatTurns.queryParameter("pages/order/detail?orderId=D-WX-77&from=card", "orderId"));
        assertEquals("订单 1", WechatTurns.queryParameter("pages/order/detail?orderId=%E8%AE%A2%E5%8D%95%201", "orderId"));
        assertNull(WechatTurns.queryParameter("pages/order/detail?from=card", "orderId"));
        // the push was cleaned of U+0000 as it arrived, but "%00" only becomes one here: PostgreSQL could not store it
        assertNull(WechatTurns.queryParameter("pages/order/detail?orderId=D-1%00", "orderId"));
    }
}
