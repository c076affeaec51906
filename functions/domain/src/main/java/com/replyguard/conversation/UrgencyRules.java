package com.replyguard.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R9: finds urgent customer messages - product-quality or safety complaints and demands to handle
 * an order at once - in their Chinese text, read clause by clause as {@link MessageReading}
 * describes. A quality term counts only when the customer states it: not when a negation stands
 * just before it (没有破损), a hedge before it in its clause (会不会过敏, 怕过敏, 如果有质量问题), when its
 * clause asks about it (会漏水吗) or when it is part of a set expression (真的假的). A demand counts
 * unless it is denied (不急, 别着急, 不想投诉): asked or hedged it is still a demand (能马上帮我退款吗,
 * 要是还不发货我就去投诉). Merchants extend the terms (read as quality terms) and the negations and
 * hedges in their policy; an event's own {@code urgent} flag always overrides detection.
 */
public final class UrgencyRules {
    /** R9 product quality and safety, and R24 product quality: what the customer says is wrong with the goods. */
    public static final List<String> QUALITY_TERMS = List.of(
            // poor quality in general, in anger
            "质量问题", "质量有问题", "质量太差", "质量很差", "质量差", "质量不行", "质量好差", "质量真差", "什么质量",
            "做工差", "做工太差", "劣质", "三无", "破东西", "垃圾", "不好用", "不好使", "不行了",
            // "一…就…": it fails as soon as it is used
            "就烂", "就坏", "就断", "就裂", "就碎", "就掉", "就破", "就漏", "就洒", "就灭", "就停", "就散", "就不行",
            "就没电",
            // broken, cracked, loose
            "坏了", "坏啦", "坏掉", "坏的", "弄坏", "压坏", "摔坏", "磕坏", "破了", "破的", "破损", "破洞", "划破",
            "碎了", "碎的", "碎掉", "摔碎", "碎片", "碎渣", "玻璃渣", "裂缝", "裂了", "裂开", "裂的", "开裂", "有裂", "断了",
            "断掉", "断的", "烂了", "烂的", "缺角", "压扁", "凹了", "瘪了", "变形", "歪了", "松了", "松动", "拧不紧", "关不上",
            "合不上", "扣不上", "拉不上", "按不动", "转不动", "拉不动", "拧不动", "推不动", "卡住", "卡死", "掉了", "有洞", "个洞", "小洞", "口子", "凹进去", "凹陷",
            "凹下去",
            // leaking, spilling
            "漏液", "漏了", "漏的", "在漏", "漏水", "漏气", "漏油", "渗漏", "渗水", "进水", "洒了", "撒了", "洒出来",
            "漏出来",
            // worn, peeling, staining
            "开胶", "脱胶", "开线", "脱线", "掉色", "褪色", "掉漆", "掉涂层", "起皮", "掉毛", "起球", "生锈", "锈了",
            "有瑕疵", "瑕疵", "划痕", "渍", "线头", "胶水", "胶印", "有一条线", "有条线", "黑心", "不保温",
            // does not work
            "用不了", "不能用", "没法用", "没法穿", "没法吃", "没法喝", "没法戴", "不能吃", "不能喝", "不能穿", "不敢用",
            "不敢吃", "不敢喝", "不敢穿", "不敢给", "开不了", "关不了", "充不了", "启动不了", "连不上", "插不进", "装不上", "无法使用", "无法开机", "开不了机", "打不开", "充不进电", "充不上电",
            "不充电", "不通电", "没反应", "没声音", "没有声音", "不出水", "不制冷", "不加热", "不转", "停转", "不亮",
            "不工作", "不走", "不灵", "失灵", "装不了", "故障", "死机", "黑屏", "花屏", "坏点", "自动关机", "接触不良", "跳闸", "短路",
            "滴水",
            // spoiled, smelly, dirty, foreign matter
            "发霉", "霉了", "霉味", "霉点", "霉斑", "长霉", "长毛", "白毛", "绿毛", "变质", "过期", "过了保质期",
            "过保质期", "都化了", "化掉", "融化", "馊了", "馊味", "发臭", "臭了", "臭味", "酸臭", "发酸",
            "异味", "怪味", "一股味", "有股味", "浑浊", "沉淀", "絮状", "化学味", "塑料味", "胶味", "焦味", "汽油味", "油漆味", "很冲", "熏得", "熏人", "熏死", "脚味", "臭脚", "味道不对", "味道很重", "味道好重", "味道太重", "味道很大",
            "味道好大", "味道太大", "刺鼻", "有虫", "虫子", "异物", "颗粒", "杂质", "不明物", "吃出", "胀袋", "鼓了", "胀了", "脏的", "发黑",
            // used, wrong, missing, fake
            "二手", "使用痕迹", "用过的", "被用过", "穿过的", "戴过的", "被穿过", "翻新", "被拆过", "空盒", "空的", "少发", "漏发", "发错", "送错",
            "不是我的", "不是我买的", "不是我要的", "不是我拍的", "不一样", "少件",
            "缺件", "少了一", "少了几", "少了好几", "少了两", "假货", "假的", "假冒", "冒牌", "高仿", "仿品", "山寨", "盗版", "不是正品",
            // the body: allergy, illness, injury
            "过敏", "红肿", "肿", "红了", "起疹", "疹子", "红点", "起包", "疙瘩", "满脸痘", "爆痘", "烂脸", "脱皮", "刺痛",
            "痒", "疼", "痛", "发绿", "变绿", "变黑", "变色", "不舒服", "难受", "头晕", "恶心", "想吐", "拉肚子", "腹泻", "上吐下泻", "呕吐", "中毒", "住院", "医院",
            "烫伤", "烧伤", "划伤", "割伤", "扎手", "毛刺", "受伤", "流血", "出血", "磨破", "出事",
            // hazards
            "漏电", "触电", "冒烟", "着火", "起火", "火花", "烧焦", "焦了", "烧了", "爆炸", "鼓包", "发烫", "烫手", "过热", "有毒", "甲醛", "危险");
    /** R9 demands to handle an order at once, and threats that say the customer will not wait. */
    public static final List<String> DEMAND_TERMS = List.of(
            "马上处理", "立刻处理", "立即处理", "尽快处理", "赶紧处理", "赶快处理", "抓紧处理", "快点处理", "马上解决",
            "立刻解决", "尽快解决", "给我处理", "现在就处理", "今天必须", "必须今天", "今天一定", "马上给我", "立刻给我",
            "马上帮我", "立刻帮我", "立即帮我", "赶紧帮我", "赶快帮我", "快点帮我", "马上改", "马上退款", "立刻退款",
            "马上发货", "赶紧", "赶快", "尽快", "快点", "快一点", "加急", "等不了", "等不及", "好几遍",
            "十万火急", "急", "着急", "急用", "现在就要", "管不管",
            "投诉", "12315", "315", "曝光", "消协", "消费者协会", "工商局", "报警", "起诉", "律师", "维权", "举报",
            "平台介入", "给个说法", "讨个说法", "要求赔偿", "找抖音", "找平台", "找官方", "找领导", "找你们领导",
            "找你们老板", "给差评", "打差评", "差评警告");
    /**
     * A demand in two parts: one of these words and, after it in the same clause, an action of
     * {@link #ACTIONS} (现在处理, 今天之内给我解决); a yes/no question about the action cancels it
     * (今天能发货吗 asks, it does not demand). An action denied with 就 after it in its clause is an
     * ultimatum (不处理我就差评).
     */
    static final List<String> PROMPTLY = List.of("马上", "立刻", "立即", "立马", "现在", "今天之内", "今天内", "今天", "今晚",
            "当天", "尽快", "赶紧", "赶快");
    static final List<String> ACTIONS = List.of("处理", "解决", "退款", "退货", "退", "换", "发货", "发", "改", "取消",
            "回复", "答复", "回我", "联系", "赔", "补发", "拦截");
    private static final List<String> PROMPT_ACTION = MessageReading.prepare(
            MessageReading.concat(MessageReading.concat(PROMPTLY, ACTIONS), List.of("就")));
    /** Every default term: the quality terms, then the demands. */
    public static final List<String> DEFAULT_TERMS = MessageReading.concat(QUALITY_TERMS, DEMAND_TERMS);
    /** Negations (just before a term) and hedges (before it in its clause); see {@link MessageReading}. */
    public static final List<String> DEFAULT_NEGATIONS = MessageReading.concat(MessageReading.NEGATIONS, MessageReading.HEDGES);
    /** How many characters may stand between a negation and the term it denies. */
    static final int NEGATION_REACH = MessageReading.NEGATION_REACH;
    private static final Set<String> DEMANDS = DEMAND_TERMS.stream().map(MessageReading::normalize).collect(Collectors.toUnmodifiableSet());

    public static final UrgencyRules DEFAULT = new UrgencyRules(DEFAULT_TERMS, DEFAULT_NEGATIONS);

    private final List<String> terms;
    private final List<String> negations;
    private final List<String> prepared;
    private final MessageReading reading;

    public UrgencyRules(Collection<String> terms, Collection<String> negations) {
        this.terms = List.copyOf(terms);
        this.negations = List.copyOf(negations);
        if (this.terms.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("urgency terms must not be empty");
        }
        if (this.negations.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw new IllegalArgumentException("urgency negations must not be empty");
        }
        this.prepared = MessageReading.prepare(this.terms);
        this.reading = MessageReading.of(this.negations);
    }

    /** The default rules plus a merchant's own terms and negations. */
    public UrgencyRules extendedWith(Collection<String> extraTerms, Collection<String> extraNegations) {
        List<String> t = new ArrayList<>(terms);
        t.addAll(extraTerms);
        List<String> n = new ArrayList<>(negations);
        n.addAll(extraNegations);
        return new UrgencyRules(t, n);
    }

    public boolean isUrgent(String text) {
        return stated(text) || promptAction(text);
    }

    private boolean stated(String text) {
        for (MessageReading.Found f : reading.find(text, prepared)) {
            switch (f.stance()) {
                case SAID:
                    return true;
                case ASKED:
                case HEDGED:
                    if (DEMANDS.contains(f.phrase())) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * A word of {@link #PROMPTLY}, not denied, followed in its clause by an action stated, not
     * asked; or an ultimatum: an action denied and then 就 in its clause (不处理我就差评, 你们不解决我就…).
     */
    private boolean promptAction(String text) {
        List<MessageReading.Found> found = reading.find(text, PROMPT_ACTION);
        for (MessageReading.Found then : found) {
            if (!then.phrase().equals("就")) {
                continue;
            }
            for (MessageReading.Found what : found) {
                if (ACTIONS.contains(what.phrase()) && then.follows(what) && what.stance() == MessageReading.Stance.NEGATED) {
                    return true;
                }
            }
        }
        for (MessageReading.Found when : found) {
            if (!PROMPTLY.contains(when.phrase()) || when.stance() == MessageReading.Stance.NEGATED
                    || when.stance() == MessageReading.Stance.IDIOM) {
                continue;
            }
            for (MessageReading.Found what : found) {
                if (ACTIONS.contains(what.phrase()) && what.follows(when) && what.stance() == MessageReading.Stance.SAID) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<String> terms() {
        return terms;
    }

    public List<String> negations() {
        return negations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrgencyRules u && u.terms.equals(terms) && u.negations.equals(negations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms, negations);
    }
}
