package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an article covers beyond its own words, for the confidence's coverage signals (no model, no Quarkus). */
class SynonymsTest {

    private static final Synonyms PRODUCTS = Synonyms.products(String.join("\n",
            "fresh\t肉\t-\t肉, 肉类",
            "fresh\t牛排\t肉\t牛排, 西冷, 菲力",
            "fresh\t草莓\t水果\t草莓, 莓子",
            "fresh\t蓝莓\t水果\t蓝莓, 蓝梅",
            "furniture\t书桌\t桌子\t书桌, 写字台",
            "fresh\t牛肉\t肉\t牛肉",
            "fresh\t牛腩\t牛肉\t牛腩, 肋条"));

    @Test
    void anArticleCoversTheOtherNamesOfWhatItsTextNames() {
        assertTrue(PRODUCTS.covering("草莓买回来先别洗，冷藏保存。", "草莓怎么保存").contains("莓子"));
    }

    @Test
    void anArticleAboutABroaderThingCoversWhatIsUnderIt() {
        assertTrue(PRODUCTS.covering("收到后尽快冷冻。", "猪肉、牛肉收到后怎么保存").contains("西冷"), "肉 in the title covers 牛排's names");
        assertTrue(PRODUCTS.covering("拍照后申请。", "家具送到时有破损怎么办").contains("写字台"), "家具 in the title covers every piece");
        assertTrue(PRODUCTS.covering("冷冻保存。", "肉类收到后怎么保存").contains("肋条"), "at any depth: 肉 > 牛肉 > 牛腩");
    }

    @Test
    void typesThatNameEachOtherAsParentsStillEnd() {
        Synonyms loop = Synonyms.products("furniture\t甲柜\t乙柜\t甲柜, 丙柜\nfurniture\t乙柜\t甲柜\t乙柜");
        assertTrue(loop.covering("", "乙柜怎么装").contains("丙柜"));
    }

    @Test
    void aBroaderWordOnlyInTheTextCoversNothingUnderIt() {
        assertFalse(PRODUCTS.covering("和其他水果分开放。", "草莓怎么保存").contains("蓝梅"), "a strawberry article is not about every fruit");
    }
}
