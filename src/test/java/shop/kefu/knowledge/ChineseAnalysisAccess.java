package shop.kefu.knowledge;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;

/** Test access to the tokenizer helper. */
public final class ChineseAnalysisAccess {
    private ChineseAnalysisAccess() {
    }

    public static List<String> tokens(Analyzer a, String text) {
        return ChineseAnalysis.tokens(a, text);
    }
}
