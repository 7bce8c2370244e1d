package shop.kefu.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two views of Chinese text the index keeps: words from SmartCN's segmentation (precise when the
 * dictionary knows the word) and overlapping character bigrams (catch what segmentation gets wrong,
 * typos of one character, and words the dictionary lacks).
 */
public final class ChineseAnalysis {

    /** Function words of shoppers' questions; they say nothing about the topic. */
    static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "嘛", "么", "我", "你", "您", "他", "她", "它", "们", "我们",
            "你们", "是", "在", "怎么", "怎么办", "怎样", "怎么样", "什么", "啥", "咋", "咋办", "可以", "能", "能不能",
            "要", "有", "和", "跟", "还", "就", "都", "也", "一下", "这", "那", "这个", "那个", "个", "请问", "你好",
            "您好", "想", "给", "把", "被", "会", "多少", "如何", "为什么", "还是", "一个", "知道", "帮", "帮我", "请",
            "一", "下", "吗？", "得", "地", "着", "过", "到", "里", "上", "又", "再", "才", "很", "太", "好", "呗",
            "，", "。", "？", "！", ",", ".", "?", "!"), false);

    public static final String WORDS = "_w";
    public static final String BIGRAMS = "_b";

    private ChineseAnalysis() {
    }

    public static Analyzer words() {
        return new SmartChineseAnalyzer(STOP_WORDS);
    }

    public static Analyzer bigrams() {
        return new CJKAnalyzer();
    }

    /** Fields ending in _w get words, _b bigrams, everything else is a keyword. */
    public static Analyzer perField(List<String> textFields) {
        Analyzer words = words();
        Analyzer bigrams = bigrams();
        Map<String, Analyzer> map = new java.util.HashMap<>();
        for (String f : textFields) {
            map.put(f + WORDS, words);
            map.put(f + BIGRAMS, bigrams);
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), map);
    }

    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
