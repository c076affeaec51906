package com.replyguard.managerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.replyguard.adapters.json.Instants;
import com.replyguard.breach.Breach;
import com.replyguard.clock.SlaClock;
import java.util.List;

/**
 * One breach as the breach list, the excuse's answer and an agent's discipline show it, and as one
 * line of their CSV ({@link #SHEET}: the same fields, the excuse's flattened). {@code excuse} is
 * left out until a manager excused it.
 */
record BreachItem(String breachId, String conversationId, String clock, String deadline, String detectedAt, String clockStart,
        double targetSeconds, String channel, boolean urgent, String answeredAt, String answeringAgentId,
        String responsibleAgentId, int policyVersion, @JsonInclude(JsonInclude.Include.NON_NULL) Excuse excuse) {

    record Excuse(String reason, String by, String at) {
    }

    static BreachItem of(Breach b) {
        SlaClock c = b.clock();
        return new BreachItem(b.breachId(), b.conversationId().value(), c.type().name(), Instants.format(b.deadline()),
                Instants.format(b.detectedAt()), Instants.format(c.start()), c.targetSeconds(), c.channel().name(), c.urgent(),
                Instants.format(c.answeredAt()), c.answeringAgentId(), b.responsibleAgentId(), c.policyVersion(),
                b.excuse() == null ? null : new Excuse(b.excuse().reason(), b.excuse().by(), Instants.format(b.excuse().at())));
    }

    static List<BreachItem> of(List<Breach> breaches) {
        return breaches.stream().map(BreachItem::of).toList();
    }

    /** A page of them: {@code nextToken} null on the last one. */
    record Page(List<BreachItem> breaches, String nextToken) {
    }

    static final Sheet<BreachItem> SHEET = Sheet.of(BreachItem.class).text("breachId", "超时编号", BreachItem::breachId)
            .text("conversationId", "会话", BreachItem::conversationId).code("clock", "时效", BreachItem::clock, ChineseNames.CLOCKS)
            .instant("deadline", "截止时间", BreachItem::deadline).instant("detectedAt", "发现时间", BreachItem::detectedAt)
            .instant("clockStart", "开始计时", BreachItem::clockStart).number("targetSeconds", "时限（秒）", BreachItem::targetSeconds)
            .code("channel", "渠道", BreachItem::channel, ChineseNames.CHANNELS).text("urgent", "加急", BreachItem::urgent)
            .instant("answeredAt", "回复时间", BreachItem::answeredAt).text("answeringAgentId", "回复坐席", BreachItem::answeringAgentId)
            .text("responsibleAgentId", "负责坐席", BreachItem::responsibleAgentId)
            .number("policyVersion", "规则版本", BreachItem::policyVersion)
            .instant("excusedAt", "免责时间", b -> b.excuse() == null ? null : b.excuse().at())
            .text("excusedBy", "免责人", b -> b.excuse() == null ? null : b.excuse().by())
            .text("excuseReason", "免责原因", b -> b.excuse() == null ? null : b.excuse().reason()).build();
}
