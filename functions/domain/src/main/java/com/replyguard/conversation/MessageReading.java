package com.replyguard.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How R9's urgency rules and R24's suggestion read a customer's Chinese message, the same way for
 * both: which of a list of phrases it contains and, for each, whether the customer states it,
 * denies it, only fears it or asks about it. Pure and deterministic; nothing is kept.
 *
 * <ol>
 * <li>The text is normalized: full-width letters, digits and punctuation folded (NFKC), lower case,
 * the traditional characters of complaint vocabulary read as simplified, a few common typos of the
 * pinyin keyboard corrected (处里 for 处理).
 * <li>It is cut into clauses at punctuation, brackets and spaces; a negation or hedge reaches only
 * within its clause ("快递还没到，很急": the 没 does not deny 很急).
 * <li>Phrases are found longest first and never overlap.
 * <li>Each phrase found gets a {@link Stance}, the first that applies:
 * <ul>
 * <li>{@code IDIOM}: it lies inside a set expression that complains of nothing (真的假的, 过敏体质,
 * 高兴坏了, 优惠券用不了);
 * <li>{@code NEGATED}: a negation ends at most {@value #NEGATION_REACH} characters before it
 * (没有破损, 没有任何破损, 一点都不过敏), unless the negation is part of a word that denies nothing
 * (不然, 不断, 不小心, 没想到, 不好意思, 特别, 别家 …), asks an A-not-A question (能不能, 可不可以), is part
 * of another phrase found, or a 就/才/却 stands between (没用就坏了: broken before use);
 * <li>{@code HEDGED}: a hedge stands anywhere before it in its clause (会不会, 是不是, 怕, 担心, 万一,
 * 如果, 听说, 别家, 以前, 上次 …), or 的话 follows it (坏了的话), or a how-to question follows it in
 * its clause (主播说的福利怎么领, 坏了去哪修, 退货地址是哪里);
 * <li>{@code ASKED}: its clause is a yes/no question about it - 吗/嘛/么/不 ends the clause at most
 * {@value #QUESTION_REACH} characters after it (会过敏吗, 有异味吗) - or the phrase stands in an
 * A-not-A question (能不能用 holds 不能用, 起不起球 holds 起球);
 * <li>{@code SAID} otherwise. A rhetorical question (难道…不是…吗) neither denies nor asks: it says.
 * </ul>
 * </ol>
 * Negations and hedges come in one list (the merchant's policy extends it): a word that ends with a
 * negation character (不 没 无 别 未) or is 没有 is a negation, any other word a hedge.
 */
final class MessageReading {
    /** How a phrase stands in its message. */
    enum Stance { SAID, ASKED, HEDGED, NEGATED, IDIOM }

    /** A phrase found at {@code at} of the normalized text, in the clause that starts at {@code clause}, and how it stands there. */
    record Found(String phrase, int at, int clause, Stance stance) {
        /** Whether this phrase stands in the same clause as {@code other}, after it. */
        boolean follows(Found other) {
            return clause == other.clause && at > other.at;
        }
    }

    /** How many characters may stand between a negation and the phrase it denies. */
    static final int NEGATION_REACH = 2;
    /** How many characters may stand between a phrase and the question particle that asks about it. */
    static final int QUESTION_REACH = 2;

    static final List<String> NEGATIONS = List.of("不", "没", "没有", "无", "别", "未");
    static final List<String> HEDGES = List.of(
            // questions and doubts
            "会不会", "是不是", "是否", "有没有", "如何",
            // fear and prevention
            "怕", "担心", "害怕", "担忧", "防止", "避免", "以免", "预防",
            // hypotheses
            "万一", "如果", "要是", "假如",
            // hearsay, other shops and brands, earlier purchases
            "听说", "有人说", "据说", "别家", "别人家", "其他家", "别的牌子", "别的品牌", "其他牌子", "以前", "上次",
            "之前用", "之前买",
            // a question on the shop's policy
            "支持");

    private static final String NEGATION_CHARACTERS = "不没无别未";
    /** Words that hold a negation character but deny nothing. */
    private static final List<String> NOT_DENIALS = List.of(
            "不然", "要不", "不停", "不断", "不少", "不止", "不仅", "不光", "不好意思", "不小心", "不得不", "不管",
            "没想到", "无论", "无语", "无奈", "特别", "别人", "别的", "区别", "分别", "差别", "级别", "别家",
            // a threat, not a denial
            "别逼");
    /** How-to questions: a phrase before one in its clause is what the customer wants to use, not a complaint. */
    private static final List<String> AFTER_HEDGES = List.of("怎么领", "在哪领", "哪里领", "怎么参加", "怎么使用", "还有效吗",
            "是哪里", "在哪里", "在哪", "去哪修", "哪里修");
    /** Words that hold a hedge but hedge nothing. */
    private static final List<String> NOT_HEDGES = List.of("可怕", "哪怕", "恐怕");
    /** Between a negation and a phrase these start another predicate, out of the negation's reach. */
    private static final String NEGATION_STOPS = "就才却";
    /** Set expressions that contain a phrase but complain of nothing. */
    private static final List<String> IDIOMS = List.of(
            "真的假的", "是真是假", "过敏体质", "过敏肌", "易过敏", "抗过敏", "防过敏", "高兴坏了", "乐坏了", "开心坏了",
            "累坏了", "饿坏了", "笑死", "券用不了", "券不能用", "码用不了", "红包用不了", "心都碎了", "止痒", "急速",
            "垃圾袋", "垃圾桶", "垃圾分类", "不锈钢", "碎花", "空的时候", "心疼", "疼爱", "头疼", "痛快", "痛点",
            "止痛", "镇痛", "磨砂颗粒", "颗粒感", "熏香", "消肿", "浮肿", "水肿", "就是不一样", "什么不一样", "啥不一样", "哪里不一样",
            "有不一样", "不一样的");
    private static final String CLAUSE_BREAKS = ",，.。!！?？;；:：、~…()（）[]【】<>《》\"'“”‘’ \t\r\n";
    private static final String TRAILING_PARTICLES = "呀啊呢哦哈呐";
    private static final String QUESTION_PARTICLES = "吗嘛么不";
    /** Characters before 么 that make a question word (什么, 怎么), not a yes/no particle. */
    private static final String QUESTION_WORD_BEFORE_ME = "什怎这那多为";
    /** Traditional characters of complaint vocabulary, each followed by its simplified form. */
    private static final String TRADITIONAL = "壞坏過过損损貨货質质處处馬马黴霉變变異异發发錯错壓压爛烂問问題题沒没無无別别會会擔担嗎吗麼么訴诉請请給给幫帮趕赶"
            + "緊紧髒脏臟脏電电開开斷断膠胶線线換换運运遞递還还達达態态煩烦應应裡里裏里實实驗验說说講讲誤误導导傳传誇夸騙骗虛虚"
            + "廣广裝装購购買买賣卖賠赔單单審审簽签丟丢錢钱價价優优們们東东這这個个點点劃划縫缝紅红腫肿癢痒醫医頭头臉脸膚肤燒烧"
            + "燙烫傷伤險险極极滿满種种話话號号碼码親亲謝谢偽伪鑑鉴鑒鉴櫃柜專专惡恶罵骂兇凶禮礼聽听嚴严殘残邊边滲渗鏽锈銹锈餿馊"
            + "蟲虫髮发鐵铁歡欢衝冲漲涨脹胀試试綫线讓让寧宁彈弹燈灯熱热氣气務务員员戶户產产廠厂啟启贈赠寶宝貝贝級级環环";
    private static final Map<Character, Character> SIMPLIFIED = pairs(TRADITIONAL);
    /** Common typos of the pinyin keyboard, each with what the customer meant. */
    private static final String[][] TYPOS = {{"处里", "处理"}, {"在马", "在吗"}, {"坏拉", "坏啦"}};

    static final MessageReading DEFAULT = of(concat(NEGATIONS, HEDGES));

    private final List<String> negations;
    private final List<String> hedges;

    private MessageReading(List<String> negations, List<String> hedges) {
        this.negations = negations;
        this.hedges = hedges;
    }

    /** A reading with these negations and hedges in one list (see the class comment for which is which). */
    static MessageReading of(Collection<String> negationsAndHedges) {
        List<String> n = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (String word : negationsAndHedges) {
            String w = normalize(word);
            if (w.isEmpty()) {
                continue;
            }
            boolean negation = w.equals("没有") || NEGATION_CHARACTERS.indexOf(w.charAt(w.length() - 1)) >= 0;
            (negation ? n : h).add(w);
        }
        return new MessageReading(List.copyOf(n), List.copyOf(h));
    }

    private static Map<Character, Character> pairs(String table) {
        Map<Character, Character> m = new HashMap<>();
        for (int i = 0; i + 1 < table.length(); i += 2) {
            m.put(table.charAt(i), table.charAt(i + 1));
        }
        return Map.copyOf(m);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The text as it is read: folded, lower case, simplified, typos corrected. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff') {
                continue;
            }
            b.append(SIMPLIFIED.getOrDefault(c, c));
        }
        String out = b.toString();
        for (String[] typo : TYPOS) {
            out = out.replace(typo[0], typo[1]);
        }
        return out;
    }

    /** Phrases ready for {@link #find}: normalized as a text is, without repeats, longest first. */
    static List<String> prepare(Collection<String> phrases) {
        return phrases.stream().map(MessageReading::normalize).filter(p -> !p.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * Every phrase of {@code prepared} (from {@link #prepare}) in {@code text}, longest first, never
     * overlapping, each with its stance, in the order of the text.
     */
    List<Found> find(String text, List<String> prepared) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = normalize(text);
        List<String> ordered = prepared;
        boolean[] taken = new boolean[s.length()];
        List<int[]> spans = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String p : ordered) {
            for (int at = s.indexOf(p); at >= 0; at = s.indexOf(p, at + 1)) {
                if (free(taken, at, p.length())) {
                    mark(taken, at, p.length());
                    spans.add(new int[] {at, at + p.length()});
                    found.add(p);
                }
            }
        }
        List<Found> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            int at = spans.get(i)[0];
            out.add(new Found(found.get(i), at, clauseStart(s, at), stance(s, at, spans.get(i)[1], taken)));
        }
        out.sort(Comparator.comparingInt(Found::at));
        return List.copyOf(out);
    }

    private Stance stance(String s, int at, int end, boolean[] taken) {
        if (insideIdiom(s, at, end)) {
            return Stance.IDIOM;
        }
        int clauseStart = clauseStart(s, at);
        int clauseEnd = end;
        while (clauseEnd < s.length() && !isBreak(s.charAt(clauseEnd))) {
            clauseEnd++;
        }
        // 难道…不是…吗: a rhetorical question affirms what it seems to deny and ask
        boolean rhetorical = s.lastIndexOf("难道", at) >= clauseStart;
        if (!rhetorical && negated(s, clauseStart, at, taken)) {
            return Stance.NEGATED;
        }
        if (hedged(s, clauseStart, at) || howTo(s, end, clauseEnd)) {
            return Stance.HEDGED;
        }
        if (!rhetorical && asked(s, at, end, clauseEnd)) {
            return Stance.ASKED;
        }
        return Stance.SAID;
    }

    private static int clauseStart(String s, int at) {
        int start = at;
        while (start > 0 && !isBreak(s.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean insideIdiom(String s, int at, int end) {
        for (String idiom : IDIOMS) {
            for (int i = s.indexOf(idiom, Math.max(0, end - idiom.length())); i >= 0 && i <= at; i = s.indexOf(idiom, i + 1)) {
                if (i + idiom.length() >= end) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean negated(String s, int clauseStart, int at, boolean[] taken) {
        for (String n : negations) {
            int from = Math.max(clauseStart, at - NEGATION_REACH - n.length());
            for (int i = s.indexOf(n, from); i >= 0 && i + n.length() <= at; i = s.indexOf(n, i + 1)) {
                if (!free(taken, i, n.length()) || containedIn(NOT_DENIALS, s, i, n) || aNotA(s, i)
                        || stopBetween(s, i + n.length(), at)) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    private boolean hedged(String s, int clauseStart, int at) {
        for (String h : hedges) {
            for (int i = s.indexOf(h, clauseStart); i >= 0 && i + h.length() <= at; i = s.indexOf(h, i + 1)) {
                if (!containedIn(NOT_HEDGES, s, i, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 的话 right after the phrase (坏了的话), or a how-to question later in its clause (主播说的福利怎么领). */
    private static boolean howTo(String s, int end, int clauseEnd) {
        if (s.startsWith("的话", end)) {
            return true;
        }
        String rest = s.substring(end, clauseEnd);
        return AFTER_HEDGES.stream().anyMatch(rest::contains);
    }

    /** A yes/no question about the phrase, or a phrase in an A-not-A question (能不能用, 起不起球). */
    private static boolean asked(String s, int at, int end, int clauseEnd) {
        if (aNotA(s, at) || at >= 2 && aNotA(s, at - 1) && s.charAt(at - 2) == s.charAt(at)) {
            return true;
        }
        int last = clauseEnd - 1;
        while (last >= end && TRAILING_PARTICLES.indexOf(s.charAt(last)) >= 0) {
            last--;
        }
        if (last < end || last - end > QUESTION_REACH || QUESTION_PARTICLES.indexOf(s.charAt(last)) < 0) {
            return false;
        }
        return s.charAt(last) != '么' || QUESTION_WORD_BEFORE_ME.indexOf(s.charAt(last - 1)) < 0;
    }

    /** 能不能, 可不可以, 是不是, 有没有: the character before the negation repeats after it. */
    private static boolean aNotA(String s, int negationAt) {
        char c = s.charAt(negationAt);
        return (c == '不' || c == '没') && negationAt > 0 && negationAt + 1 < s.length()
                && s.charAt(negationAt - 1) == s.charAt(negationAt + 1);
    }

    /** Whether the {@code word} found at {@code at} of {@code s} is part of one of {@code words}. */
    private static boolean containedIn(List<String> words, String s, int at, String word) {
        for (String w : words) {
            for (int k = w.indexOf(word); k >= 0; k = w.indexOf(word, k + 1)) {
                if (at - k >= 0 && s.startsWith(w, at - k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean stopBetween(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (NEGATION_STOPS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBreak(char c) {
        return CLAUSE_BREAKS.indexOf(c) >= 0 || Character.isWhitespace(c);
    }

    private static boolean free(boolean[] taken, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] taken, int at, int length) {
        for (int i = at; i < at + length; i++) {
            taken[i] = true;
        }
    }
}
