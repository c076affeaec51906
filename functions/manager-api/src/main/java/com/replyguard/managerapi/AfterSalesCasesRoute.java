package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.CaseSummary;
import com.replyguard.assessment.Cycle;
import com.replyguard.intake.InvalidInput;
import com.replyguard.intake.Problem;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.CaseIndex;
import com.replyguard.usecase.ListAfterSalesCases;
import com.replyguard.usecase.ReportKpiCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/aftersales/cases?cycle=&category=&limit=&nextToken=} (R26): the cases behind
 * every after-sales figure - a cycle's cases (by the cycle of their human clock start, as the report
 * counts them), all or of one category or subtype, by category, subtype and start, a page at a time
 * (JSON, or one CSV page with the next page's token in {@code X-Next-Token}). Each row carries what the
 * report counts of it, so a figure is the sum of its rows. Every team lead sees every case, as they
 * see the after-sales report the rows add up to. Every parameter problem is named in one 400.
 */
final class AfterSalesCasesRoute implements Route {
    private final ListAfterSalesCases cases;
    private final ReportKpiCounters kpis;

    AfterSalesCasesRoute(ListAfterSalesCases cases, ReportKpiCounters kpis) {
        this.cases = cases;
        this.kpis = kpis;
    }

    /** The list's path under the API's base URL, for the report to link a figure to its cases. */
    static String path(MerchantId merchant, Cycle cycle, String category) {
        return "/merchants/" + merchant.value() + "/aftersales/cases?cycle=" + cycle + (category == null ? "" : "&category=" + category);
    }

    /**
     * One case as the list writes it: {@code resolved}, {@code resolvedWithin12h}, {@code resolvedWithin48h},
     * {@code reopened}, {@code reopens}, {@code suggested} and {@code rating} are what the report's figures of
     * the same names count; {@code processingHours} what its averages average.
     */
    record Row(String conversationId, String channel, String cycle, String category, String subtype, boolean suggested,
            Integer suggestionConfidence, String start, String resolvedAt, boolean resolved, Double processingHours,
            boolean resolvedWithin12h, boolean resolvedWithin48h, boolean reopened, int reopens, Integer rating, String agentId) {
        static Row of(CaseSummary c) {
            return new Row(c.conversationId().value(), c.channel().name(), c.cycle().toString(), c.category().top().name(),
                    c.category().name(), c.suggested(), c.suggested() ? c.confidence() : null, Instants.format(c.start()),
                    Instants.format(c.resolvedAt()), c.resolved(), c.processingHours(), c.resolvedWithinReturnWait(),
                    c.resolvedWithinWarrantyLimit(), c.reopened(), c.reopens(), c.rating(), c.agentId());
        }
    }

    record Answer(String merchantId, String cycle, String category, List<Row> cases, String nextToken) {
    }

    static final Sheet<Row> SHEET = Sheet.of(Row.class).text("conversationId", "会话", Row::conversationId)
            .code("channel", "渠道", Row::channel, ChineseNames.CHANNELS).text("cycle", "考核周期", Row::cycle)
            .code("category", "类别", Row::category, ChineseNames.CATEGORIES).code("subtype", "子类", Row::subtype, ChineseNames.CATEGORIES)
            .text("suggested", "系统推断", Row::suggested).number("suggestionConfidence", "推断置信度", Row::suggestionConfidence)
            .instant("start", "开始", Row::start).instant("resolvedAt", "解决时间", Row::resolvedAt).text("resolved", "已解决", Row::resolved)
            .number("processingHours", "处理时长（小时）", Row::processingHours)
            .text("resolvedWithin12h", "12小时内解决", Row::resolvedWithin12h).text("resolvedWithin48h", "48小时内解决", Row::resolvedWithin48h)
            .text("reopened", "重新打开", Row::reopened).number("reopens", "重新打开次数", Row::reopens)
            .number("rating", "评分", Row::rating).text("agentId", "处理坐席", Row::agentId).build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        List<Problem> problems = new ArrayList<>();
        Cycle cycle = RouteParameters.cycle(call.request(), kpis::currentCycle, problems);
        String category = call.query("category");
        ListAfterSalesCases.categoryProblem(category).ifPresent(p -> problems.add(Problem.ofBatch("category", p)));
        Integer limit = RouteParameters.limit(call.request(), ListAfterSalesCases.MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        CaseIndex.CasePage page = cases.list(call.merchant().id(), cycle, category,
                limit == null ? ListAfterSalesCases.DEFAULT_LIMIT : limit, call.query("nextToken"));
        List<Row> rows = page.cases().stream().map(Row::of).toList();
        if (call.wantsCsv()) {
            return Csv.response(Csv.fileName("aftersales-cases", call.merchantId(), cycle.toString(), category), SHEET, rows,
                    Lang.of(call.request()), page.nextToken() == null ? Map.of() : Map.of("X-Next-Token", page.nextToken()));
        }
        return ApiResponses.json(200, new Answer(call.merchantId(), cycle.toString(), category, rows, page.nextToken()));
    }
}
