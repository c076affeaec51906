package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleForecast;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.MetricFigure;
import com.replyguard.assessment.PlatformMetric;
import com.replyguard.assessment.Verdict;
import com.replyguard.kpi.Dimension;
import com.replyguard.usecase.ReportKpiCounters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/kpis?cycle=&groupBy=} (contract: the platform's metrics, R13-R16): the
 * cycle's three metrics with their forecast and the verdict, {@code final} once the cycle is closed,
 * optionally split by agent, channel or category. Parse → {@link ReportKpiCounters} → {@link Answer}
 * (or one CSV line per metric, and per group and metric when grouped).
 */
final class KpisRoute implements Route {
    /** {@code groupBy} values: the counters' dimensions. */
    static final List<String> GROUPINGS = List.of("agent", "channel", "category");

    private final ReportKpiCounters kpis;

    KpisRoute(ReportKpiCounters kpis) {
        this.kpis = kpis;
    }

    /** A metric as the contract writes it; {@code rate} and {@code passing} null without units. */
    record Metric(long met, long total, Double rate, double target, Boolean passing) {
        static Metric of(MetricFigure f) {
            return new Metric(f.met(), f.total(), f.rate(), f.target(), f.passing());
        }
    }

    /** Where a metric is heading (computed once per metric by the domain, {@link CycleForecast}). */
    record Forecast(long headroomNow, long metInARowToRecover, long expectedRemainingUnits, long missesAllowedForRestOfCycle,
            Double projectedRate, boolean cycleOver) {
        static Forecast of(CycleForecast c) {
            return new Forecast(c.headroomNow(), c.metInARowToRecover(), c.expectedRemainingUnits(),
                    c.missesAllowedForRestOfCycle(), c.projectedRate(), c.cycleOver());
        }
    }

    /** The three metrics in the contract's order, by their contract names. */
    record Figures(Metric firstReply2Min, Metric reply3Min, Metric satisfaction) {
        static Figures of(KpiReport r) {
            return new Figures(Metric.of(r.firstReply2Min()), Metric.of(r.reply3Min()), Metric.of(r.satisfaction()));
        }

        Map<String, Metric> byName() {
            Map<String, Metric> m = new LinkedHashMap<>();
            m.put("firstReply2Min", firstReply2Min);
            m.put("reply3Min", reply3Min);
            m.put("satisfaction", satisfaction);
            return m;
        }
    }

    record Forecasts(Forecast firstReply2Min, Forecast reply3Min, Forecast satisfaction) {
        static Forecasts of(KpiReport r) {
            return new Forecasts(Forecast.of(r.forecast(PlatformMetric.FIRST_REPLY_2MIN)), Forecast.of(r.forecast(PlatformMetric.REPLY_3MIN)),
                    Forecast.of(r.forecast(PlatformMetric.SATISFACTION)));
        }

        Forecast of(String metric) {
            return switch (metric) {
                case "firstReply2Min" -> firstReply2Min;
                case "reply3Min" -> reply3Min;
                default -> satisfaction;
            };
        }
    }

    /** One group's metrics (its verdict and forecast are in the CSV, which gives every group a line per metric). */
    record Group(String key, Metric firstReply2Min, Metric reply3Min, Metric satisfaction) {
    }

    record Answer(String merchantId, String cycle, String from, String to, Metric firstReply2Min, Metric reply3Min,
            Metric satisfaction, String asOf, String verdict, Forecasts forecast, @JsonProperty("final") boolean finalReport,
            String countedThrough, @JsonInclude(JsonInclude.Include.NON_NULL) String groupBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Group> groups) {
    }

    /** R16's verdict by its name in the contract. */
    static String verdict(Verdict v) {
        return switch (v) {
            case PASSING -> "passing";
            case AT_RISK -> "atRisk";
            case BARRED -> "barred";
        };
    }

    /** One CSV line: a metric of the cycle, or of one group of it. */
    record Line(String merchantId, String cycle, Sheet.GroupKey group, String metric, Metric figure, Forecast forecast,
            String asOf, String verdict, boolean finalReport, String countedThrough) {
    }

    static final Sheet<Line> SHEET = columns(false);
    static final Sheet<Line> GROUPED_SHEET = columns(true);

    private static Sheet<Line> columns(boolean grouped) {
        Sheet.Builder<Line> b = Sheet.of(Line.class).text("merchantId", "商户", Line::merchantId).text("cycle", "考核周期", Line::cycle);
        if (grouped) {
            b.add("group", "分组", Line::group, Sheet.GROUP);
        }
        return b.code("metric", "指标", Line::metric, ChineseNames.METRICS).number("met", "达标数", l -> l.figure().met())
                .number("total", "考核数", l -> l.figure().total()).number("rate", "当前", l -> l.figure().rate())
                .number("target", "目标", l -> l.figure().target()).text("passing", "达标", l -> l.figure().passing())
                .number("headroomNow", "剩余可超时次数", l -> l.forecast().headroomNow())
                .number("metInARowToRecover", "需连续达标次数", l -> l.forecast().metInARowToRecover())
                .number("expectedRemainingUnits", "预计剩余考核数", l -> l.forecast().expectedRemainingUnits())
                .number("missesAllowedForRestOfCycle", "本周期还可超时次数", l -> l.forecast().missesAllowedForRestOfCycle())
                .instant("asOf", "数据时间", Line::asOf).code("verdict", "总体结论", Line::verdict, ChineseNames.VERDICTS)
                .number("projectedRate", "预测达标率", l -> l.forecast().projectedRate())
                .text("cycleOver", "周期已结束", l -> l.forecast().cycleOver()).text("final", "已结算", Line::finalReport)
                .instant("countedThrough", "统计截至", Line::countedThrough).build();
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        Cycle cycle = RouteParameters.cycle(call.request(), kpis::currentCycle);
        String groupBy = RouteParameters.choice(call.request(), "groupBy", GROUPINGS);
        ReportKpiCounters.View view = kpis.report(call.merchant().id(), cycle);
        String merchant = call.merchantId();
        String countedThrough = Instants.format(view.countedThrough());
        if (call.wantsCsv()) {
            Lang lang = Lang.of(call.request());
            List<Line> lines = new ArrayList<>();
            if (groupBy == null) {
                lines(lines, merchant, null, view.total(), view.finalReport(), countedThrough);
                return Csv.response(Csv.fileName("kpis", merchant, cycle.toString()), SHEET, lines, lang, Map.of());
            }
            groups(view, groupBy).forEach((key, r) -> lines(lines, merchant, new Sheet.GroupKey(groupBy, key, true), r,
                    view.finalReport(), countedThrough));
            return Csv.response(Csv.fileName("kpis", merchant, cycle.toString(), "by", groupBy), GROUPED_SHEET, lines, lang, Map.of());
        }
        return ApiResponses.json(200, answer(view, groupBy));
    }

    static Answer answer(ReportKpiCounters.View view, String groupBy) {
        KpiReport r = view.total();
        Figures f = Figures.of(r);
        List<Group> groups = null;
        if (groupBy != null) {
            groups = new ArrayList<>();
            for (Map.Entry<String, KpiReport> g : groups(view, groupBy).entrySet()) {
                Figures gf = Figures.of(g.getValue());
                groups.add(new Group(g.getKey(), gf.firstReply2Min(), gf.reply3Min(), gf.satisfaction()));
            }
        }
        return new Answer(r.merchant().value(), r.cycle().toString(), Instants.format(r.cycle().from()),
                Instants.format(r.cycle().to()), f.firstReply2Min(), f.reply3Min(), f.satisfaction(), Instants.format(r.asOf()),
                verdict(r.verdict()), Forecasts.of(r), view.finalReport(), Instants.format(view.countedThrough()), groupBy, groups);
    }

    private static Map<String, KpiReport> groups(ReportKpiCounters.View view, String groupBy) {
        return view.figures().groups(view.total().merchant(), Dimension.Family.of(groupBy).orElseThrow());
    }

    private static void lines(List<Line> lines, String merchant, Sheet.GroupKey group, KpiReport r, boolean finalReport,
            String countedThrough) {
        Forecasts forecasts = Forecasts.of(r);
        String asOf = Instants.format(r.asOf());
        String verdict = verdict(r.verdict());
        Figures.of(r).byName().forEach((metric, figure) -> lines.add(new Line(merchant, r.cycle().toString(), group, metric, figure,
                forecasts.of(metric), asOf, verdict, finalReport, countedThrough)));
    }
}
