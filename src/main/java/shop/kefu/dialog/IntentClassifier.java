package shop.kefu.dialog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import shop.kefu.common.DataFiles;
import shop.kefu.knowledge.KnowledgeBase;
import shop.kefu.knowledge.KnowledgeConfig;

/**
 * Intent detection: a few unambiguous Chinese patterns first (a request verb, a purchase plus a
 * problem stated as a fact), then the nearest labelled example of knowledge-base/intents.txt by
 * embedding similarity. Questions about rules ("能退吗", "怎么办") stay FAQ, answered from articles.
 */
@ApplicationScoped
public class IntentClassifier {

    static final Pattern QUESTION = Pattern.compile("怎么办|怎么|如何|吗|么[？?]?$|[？?]|为什么|多久|多少|哪些|是不是|能不能|可不可以");
    static final Pattern REQUEST = Pattern.compile("(我要|我想|要求|申请|给我|帮我|请|麻烦)[^，。,！!]{0,6}(退款|退钱|退货|退掉|换货|换一|换个|换新|补发|重发|赔|价保|价格保护|差价)"
            + "|(给我|帮我|我要)换|^(退款|退货|换货|补发|申请售后)$");
    static final Pattern PURCHASE_PROBLEM = Pattern.compile("(买的|收到的|送来的|送到的|到货的|订的|买了)[^，。,]{0,12}"
            + "(烂|坏|变质|发霉|臭|破|碎|压|裂|死|少了|漏发|没收到|发错|不制冷|故障|不工作|漏水|划痕|磕)");
    static final Pattern AFTERSALES_STATUS = Pattern.compile("(退款|售后|退货|换货|补发|赔付).{0,6}(到哪|进度|怎么样了|状态|到账|审核|处理得|发了吗)");
    static final Pattern ORDER_STATUS = Pattern.compile("(订单|快递|物流|包裹|东西).{0,6}(到哪|状态|进度|发货了|什么时候到)|^我的订单");
    static final Pattern VISIT = Pattern.compile("(预约|约个?|安排|帮我约).{0,4}(安装|维修|师傅|上门|检修)|^(预约安装|预约维修)$");

    private static final double MIN_SIMILARITY = 0.8;

    @Inject
    KnowledgeBase kb;
    @Inject
    KnowledgeConfig config;

    private record Example(Intent intent, float[] vector) {
    }

    private volatile List<Example> examples = List.of();

    /** After the knowledge base (default priority), whose embedding model this uses. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        reload();
    }

    public void reload() {
        List<Intent> intents = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int n = 0;
        for (String line : lines()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalStateException("intents.txt:" + n + ": expected intent<TAB>utterance");
            }
            try {
                intents.add(Intent.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("intents.txt:" + n + ": unknown intent '" + parts[0] + "'");
            }
            texts.add(parts[1].strip());
        }
        List<float[]> vectors = kb.embedAll(texts);
        List<Example> loaded = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            loaded.add(new Example(intents.get(i), vectors.get(i)));
        }
        examples = loaded;
    }

    private List<String> lines() {
        return List.of(DataFiles.read(Path.of(config.dir(), "intents.txt"), "knowledge-base/intents.txt").split("\\R"));
    }

    /** @param vector the message's embedding */
    public Intent classify(String text, float[] vector) {
        if (AFTERSALES_STATUS.matcher(text).find()) {
            return Intent.AFTERSALES_STATUS;
        }
        if (VISIT.matcher(text).find()) {
            return Intent.VISIT;
        }
        if (REQUEST.matcher(text).find()) {
            return Intent.AFTERSALES_REQUEST;
        }
        if (PURCHASE_PROBLEM.matcher(text).find() && !QUESTION.matcher(text).find()) {
            return Intent.AFTERSALES_REQUEST;
        }
        if (ORDER_STATUS.matcher(text).find()) {
            return Intent.ORDER_STATUS;
        }
        Intent best = Intent.FAQ;
        double bestSim = -1;
        for (Example e : examples) {
            double sim = dot(e.vector(), vector);
            if (sim > bestSim) {
                bestSim = sim;
                best = e.intent();
            }
        }
        if (best == Intent.AFTERSALES_REQUEST && QUESTION.matcher(text).find()) {
            return Intent.FAQ; // a question about the rules, not a request
        }
        return bestSim >= MIN_SIMILARITY ? best : Intent.FAQ;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
