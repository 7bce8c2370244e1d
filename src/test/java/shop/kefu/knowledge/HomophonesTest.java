package shop.kefu.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomophonesTest {

    private static final List<String> PRODUCTS = List.of("蜂蜜", "冰箱", "榴莲", "燃气灶", "天然气灶", "滤芯", "桃子", "酒水", "香梨",
            "梨子", "地蛋", "油烟机", "饭煲", "山竹", "水壶");
    /** Words some article of the knowledge base uses. */
    private static final Set<String> ARTICLE_WORDS = Set.of("蜂王");

    private static final Homophones HOMOPHONES = Homophones.of(PRODUCTS, ARTICLE_WORDS::contains);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            蜂密冒泡泡 还有点酸                 | 蜂蜜冒泡泡 还有点酸
            榴连到了硬邦邦的 咋整               | 榴莲到了硬邦邦的 咋整
            新买的冰相 插上电不冷               | 新买的冰箱 插上电不冷
            虑芯换了 灯还亮                     | 滤芯换了 灯还亮
            油烟鸡买了半年 吸不干净             | 油烟机买了半年 吸不干净
            然气灶打不着火                      | 燃气灶打不着火
            天然气灶打不着火                    | 天然气灶打不着火
            沙发套子能洗吗                      | 沙发套子能洗吗
            多久水才能喝                        | 多久水才能喝
            快递来的蛋打了三个                  | 快递来的蛋打了三个
            送来一箱梨子                        | 送来一箱梨子
            早饭剥了个鸡蛋                      | 早饭剥了个鸡蛋
            蜂王浆怎么吃                        | 蜂王浆怎么吃
            柜子泡水鼓包了                      | 柜子泡水鼓包了
            Order JD123 山竹                    | Order JD123 山竹
            """)
    void aProductWordTypedAsItsHomophoneIsPutBackAndNothingElseIsRewritten(String typed, String read) {
        assertEquals(read, HOMOPHONES.correct(typed));
    }
}
