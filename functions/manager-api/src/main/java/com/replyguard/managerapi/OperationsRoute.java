package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.usecase.ReportKpiCounters;
import com.replyguard.usecase.ReportOperations;
import com.replyguard.usecase.ReportOperationsByType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/operations?cycle=&groupBy=} (R18, R22): average response times and reply
 * rate per channel; with {@code groupBy} (channel, category, channelCategory, agent) also the timeout
 * rate per clock type, read from the KPI counters. CSV: one line per channel, or per group and clock.
 */
final class OperationsRoute implements Route {
    private final ReportOperations operations;
    private final ReportOperationsByType byType;
    private final ReportKpiCounters kpis;

    OperationsRoute(ReportOperations operations, ReportOperationsByType byType, ReportKpiCounters kpis) {
        this.operations = operations;
        this.byType = byType;
        this.kpis = kpis;
    }

    record Tally(long conversations, Double averageFirstResponseSeconds, Double averageRoundReplySeconds, long rounds,
            Double replyRate) {
        static Tally of(ResponseTimes.Tally t) {
            return new Tally(t.conversations(), t.averageFirstResponseSeconds(), t.averageRoundReplySeconds(), t.rounds(), t.replyRate());
        }
    }

    record Report(String merchantId, String cycle, String asOf, Tally all, Map<String, Tally> byChannel) {
    }

    /** One CSV line of the report: {@code ALL}, then each channel. */
    record Line(String merchantId, String cycle, String channel, Tally figures, String asOf) {
    }

    static final Sheet<Line> SHEET = Sheet.of(Line.class).text("merchantId", "商户", Line::merchantId).text("cycle", "考核周期", Line::cycle)
            .code("channel", "渠道", Line::channel, ChineseNames.CHANNELS).number("conversations", "会话数", l -> l.figures().conversations())
            .number("averageFirstResponseSeconds", "平均首次回复（秒）", l -> l.figures().averageFirstResponseSeconds())
            .number("averageRoundReplySeconds", "平均每轮回复（秒）", l -> l.figures().averageRoundReplySeconds())
            .number("rounds", "轮次", l -> l.figures().rounds()).number("replyRate", "回复率", l -> l.figures().replyRate())
            .instant("asOf", "数据时间", Line::asOf).build();

    record Timeouts(long clocks, long timeouts, Double timeoutRate) {
        static Timeouts of(ReportOperationsByType.Timeouts t) {
            return new Timeouts(t.clocks(), t.breached(), t.rate());
        }
    }

    record Group(String key, long conversations, Double averageFirstResponseSeconds, Double averageRoundReplySeconds, long rounds,
            Double replyRate, long clocks, long timeouts, Double timeoutRate, Map<String, Timeouts> byClock) {
        static Group of(ReportOperationsByType.Group g) {
            Map<String, Timeouts> byClock = new LinkedHashMap<>();
            g.timeoutsByClock().forEach((type, t) -> byClock.put(type.name(), Timeouts.of(t)));
            Timeouts all = Timeouts.of(g.timeouts());
            return new Group(g.key(), g.conversations(), g.averageFirstResponseSeconds(), g.averageRoundReplySeconds(), g.rounds(),
                    g.replyRate(), all.clocks(), all.timeouts(), all.timeoutRate(), byClock);
        }
    }

    record ByType(String merchantId, String cycle, String asOf, String countedThrough, String groupBy, Group all, List<Group> groups) {
    }

    /** One CSV line of the grouped report: a group's {@code ALL} line (its response figures), then one per clock type. */
    record TypeLine(String merchantId, String cycle, String groupBy, String group, String clock, Group figures, Timeouts timeouts) {
    }

    static final Sheet<TypeLine> BY_TYPE_SHEET = Sheet.of(TypeLine.class).text("merchantId", "商户", TypeLine::merchantId)
            .text("cycle", "考核周期", TypeLine::cycle).code("groupBy", "分组方式", TypeLine::groupBy, ChineseNames.GROUPINGS)
            .add("group", "分组", l -> new Sheet.GroupKey(l.groupBy(), l.group(), false), Sheet.GROUP)
            .code("clock", "时效", TypeLine::clock, ChineseNames.CLOCKS)
            .number("conversations", "会话数", l -> l.figures() == null ? null : l.figures().conversations())
            .number("averageFirstResponseSeconds", "平均首次回复（秒）", l -> l.figures() == null ? null : l.figures().averageFirstResponseSeconds())
            .number("averageRoundReplySeconds", "平均每轮回复（秒）", l -> l.figures() == null ? null : l.figures().averageRoundReplySeconds())
            .number("rounds", "轮次", l -> l.figures() == null ? null : l.figures().rounds())
            .number("replyRate", "回复率", l -> l.figures() == null ? null : l.figures().replyRate())
            .number("clocks", "计时数", l -> l.timeouts().clocks()).number("timeouts", "超时数", l -> l.timeouts().timeouts())
            .number("timeoutRate", "超时率", l -> l.timeouts().timeoutRate()).build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Cycle cycle = RouteParameters.cycle(call.request(), kpis::currentCycle);
        String groupBy = RouteParameters.choice(call.request(), "groupBy", ReportOperationsByType.GROUPINGS);
        String merchant = call.merchantId();
        if (groupBy != null) {
            ReportOperationsByType.Report r = byType.report(call.merchant().id(), cycle, groupBy);
            List<Group> groups = r.groups().stream().map(Group::of).toList();
            if (call.wantsCsv()) {
                List<TypeLine> lines = new ArrayList<>();
                for (Group g : groups) {
                    lines.add(new TypeLine(merchant, cycle.toString(), groupBy, g.key(), Sheet.ALL, g,
                            new Timeouts(g.clocks(), g.timeouts(), g.timeoutRate())));
                    g.byClock().forEach((clock, t) -> lines.add(new TypeLine(merchant, cycle.toString(), groupBy, g.key(), clock, null, t)));
                }
                return Csv.response(Csv.fileName("operations", merchant, cycle.toString(), "by", groupBy), BY_TYPE_SHEET, lines,
                        Lang.of(call.request()), Map.of());
            }
            return ApiResponses.json(200, new ByType(merchant, cycle.toString(), Instants.format(r.asOf()),
                    Instants.format(r.countedThrough()), groupBy, Group.of(r.all()), groups));
        }
        ReportOperations.Report r = operations.report(call.merchant().id(), cycle);
        String asOf = Instants.format(r.asOf());
        Map<String, Tally> byChannel = new LinkedHashMap<>();
        r.byChannel().forEach((channel, t) -> byChannel.put(channel.name(), Tally.of(t)));
        if (call.wantsCsv()) {
            List<Line> lines = new ArrayList<>();
            lines.add(new Line(merchant, cycle.toString(), Sheet.ALL, Tally.of(r.all()), asOf));
            byChannel.forEach((channel, t) -> lines.add(new Line(merchant, cycle.toString(), channel, t, asOf)));
            return Csv.response(Csv.fileName("operations", merchant, cycle.toString()), SHEET, lines, Lang.of(call.request()), Map.of());
        }
        return ApiResponses.json(200, new Report(merchant, cycle.toString(), asOf, Tally.of(r.all()), byChannel));
    }
}
