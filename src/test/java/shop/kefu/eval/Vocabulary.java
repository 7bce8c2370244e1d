package shop.kefu.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

import shop.kefu.knowledge.ArticleData;

/** Content words (SmartCN segmentation, stop words dropped, two characters or more) of questions and titles. */
final class Vocabulary {
    private Vocabulary() {
    }

    static double shareWithoutTitleWords(DevSet dev, List<ArticleData> articles) {
        Map<String, ArticleData> byId = articles.stream().collect(Collectors.toMap(ArticleData::id, Function.identity()));
        Analyzer words = new SmartChineseAnalyzer(true);
        List<DevSet.Case> answerable = dev.cases().stream().filter(DevSet.Case::answerable).toList();
        long none = answerable.stream().filter(c -> {
            Set<String> q = content(words, c.question());
            q.retainAll(content(words, byId.get(c.expected()).title()));
            return q.isEmpty();
        }).count();
        return (double) none / answerable.size();
    }

    private static Set<String> content(Analyzer a, String text) {
        return new HashSet<>(shop.kefu.knowledge.ChineseAnalysisAccess.tokens(a, text).stream().filter(t -> t.length() >= 2)
                .filter(t -> !Set.of("怎么", "怎么办", "什么", "可以", "能不能", "多久", "多少", "还是", "如何").contains(t)).toList());
    }
}
