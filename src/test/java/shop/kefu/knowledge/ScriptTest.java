package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptTest {

    @Test
    void traditionalCharactersAreReadAsSimplified() {
        assertEquals("请问虾子收到后要怎么保存", Script.simplified("請問蝦子收到後要怎麼保存"));
        assertEquals("雪柜怎样储存 头发 发票", Script.simplified("雪櫃怎樣儲存 頭髮 發票")); // 髮 and 發 are both 发
    }

    @Test
    void simplifiedTextOrderNumbersAndLatinLettersStay() {
        for (String s : new String[] { "草莓烂了 订单TV2026110800A 想退", "后面的里程 干净 面条", "blueberry能放几天", "JD-20261121-A88" }) {
            assertEquals(s, Script.simplified(s));
        }
    }
}
