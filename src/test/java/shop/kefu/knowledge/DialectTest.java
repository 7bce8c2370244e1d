package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;


class DialectTest {

    private static final Dialect SHIPPED = Dialect.load(Path.of("knowledge-base/dialect.txt"));

    @Test
    void cantoneseAndWuGrammarWordsAreReadAsMandarin() {
        assertEquals("新买的雪柜到了 要等多久先可以通电呀", SHIPPED.toMandarin("新买嘅雪柜到咗 要等几耐先可以通电呀"));
        assertEquals("我在香港 可不可以寄过来", SHIPPED.toMandarin("我喺香港 可唔可以寄过嚟"));
        assertEquals("汤团要先拿出来化一化再烧吗", SHIPPED.toMandarin("汤团要先拿出来化一化再烧伐"));
    }

    @Test
    void taiwansWordsAndCantoneseEverydayWordsAreReadAsTheMainlandsWords() {
        assertEquals("保修卡不见了 还能上门维修吗", SHIPPED.toMandarin("保固卡不见了 还能到府维修吗"));
        assertEquals("那个雪柜还要不要等", SHIPPED.toMandarin("嗰个雪柜仲使唔使等"));
        assertEquals("退款几时到账", SHIPPED.toMandarin("退款几时到帐"));
        assertEquals("收到了 但是有些烂了", SHIPPED.toMandarin("收到咗 但系有啲烂咗"));
    }

    @Test
    void longerFormsWinOverTheWordsInside() {
        assertEquals("是不是坏了", SHIPPED.toMandarin("系唔系坏咗")); // not 系 + 不 + 系
        assertEquals("刚刚收到", SHIPPED.toMandarin("啱啱收到")); // not 对对
    }

    @Test
    void mandarinWordsHoldingAFormAreKept() {
        String mandarin = "旧冰箱淘汰了能回收吗 请勿倒置 步伐 阿拉伯咖啡";
        assertEquals(mandarin, SHIPPED.toMandarin(mandarin));
    }

    @Test
    void ordinaryMandarinIsLeftAlone() {
        for (String mandarin : new String[] { "麻烦你们那边处理一下退款", "冻肉怎么快点解冻", "然后就系统自动取消了", "快点搞定", "阿拉斯加帝王蟹到了",
                "旧冰箱汰旧换新怎么弄", "这个系列还有货吗",
                // Mandarin words running into the Cantonese and Taiwan forms (仲, 保固, 急冻, 网路, 胶袋, 听日, 帐)
                "我要申请仲裁", "热水器安装要确保固定牢固", "账户被紧急冻结了", "无线网路由器要重启吗", "硅胶袋能放微波炉吗", "耳机听日语歌",
                "收到帐篷了", "这个产品质量太差了", "但系统显示已签收" }) {
            assertEquals(mandarin, SHIPPED.toMandarin(mandarin));
        }
    }

    @Test
    void aClosingFormCountsOnlyAtTheEndOfAClause() {
        Dialect d = Dialect.parse("吗 <- 伐$");
        assertEquals("好吗，快点", d.toMandarin("好伐，快点"));
        assertEquals("好吗", d.toMandarin("好伐"));
        assertEquals("伐木工", d.toMandarin("伐木工"));
        assertEquals("好吗😭", d.toMandarin("好伐😭"));
        assertEquals("你们没有货吗", SHIPPED.toMandarin("你哋冇货咩"));
        assertEquals("搞什么啊", SHIPPED.toMandarin("搞咩啊"));
    }

    @Test
    void productNamesTypedInEnglishAreReadAsTheirChineseNameAsWholeWordsInAnyCase() {
        assertEquals("牛油果皮变成黑紫色了", SHIPPED.toMandarin("Avocado皮变成黑紫色了"));
        assertEquals("火龙果到了不想马上吃", SHIPPED.toMandarin("dragon fruit到了不想马上吃"));
        assertEquals("冰淇淋化了", SHIPPED.toMandarin("ice cream化了")); // not 冰 + 淡奶油
        assertEquals("it would appear so", SHIPPED.toMandarin("it would appear so")); // no 梨 inside
        assertEquals("想换台新的 TV2026110800A", SHIPPED.toMandarin("想换台新的 TV2026110800A")); // an order number
        assertEquals("电视柜", SHIPPED.toMandarin("TV柜"));
        assertEquals("单号TV-2026110800A", SHIPPED.toMandarin("单号TV-2026110800A"));
        assertEquals("净水器漏水", SHIPPED.toMandarin("water purifier漏水")); // not water 空气净化器
    }

    @Test
    void aMalformedLineIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dialect.parse("# ok\n咗 了"));
        assertTrue(e.getMessage().contains("dialect.txt:2") && e.getMessage().contains("咗 了"), e.getMessage());
        // an empty form would match everywhere; a form with two meanings leaves one silently unread
        for (String bad : new String[] { "吗 <- 伐$, $", "了 <-", "了 <- 咗\n的 <- 咗" }) {
            assertThrows(IllegalArgumentException.class, () -> Dialect.parse(bad), bad);
        }
        // no message holds 係 once read in simplified characters: the form would silently never count
        e = assertThrows(IllegalArgumentException.class, () -> Dialect.parse("是 <- 系\n不是 <- 唔係"));
        assertTrue(e.getMessage().contains("dialect.txt:2") && e.getMessage().contains("唔系"), e.getMessage());
    }
}
