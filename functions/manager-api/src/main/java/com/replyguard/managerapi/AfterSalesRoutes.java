package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.http.JsonLog;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.AfterSalesTargets;
import com.replyguard.assessment.Cycle;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.ConversationId;
import com.replyguard.intake.InvalidInput;
import com.replyguard.usecase.ClassifyCase;
import com.replyguard.usecase.ReportAfterSales;
import com.replyguard.usecase.ReportAfterSales.Figures;
import com.replyguard.usecase.ReportAfterSales.Tally;
import com.replyguard.usecase.ReportKpiCounters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After-sales (R24-R28): {@code GET /merchants/{m}/aftersales?cycle=} - the cycle's cases by
 * category and subtype, each R27 figure with its target and verdict as the domain judged it, the
 * previous cycle beside it, reopened cases and the reopen rate (R25), the resolution rate (R28), the path
 * of each category's case list (R26) - and {@code PUT …/conversations/{conversationId}/category}, a manager's
 * classification of a case (it overrides the suggestion from the text). CSV: one line per subtype.
 */
final class AfterSalesRoutes {
    private AfterSalesRoutes() {
    }

    record Returns(long cases, long resolved, Double averageWaitHours, double targetHours, Boolean passing,
            Double previousAverageWaitHours) {
    }

    record Warranty(long cases, Double completedWithin48h, double target, Boolean passing, Double previousCompletedWithin48h) {
    }

    record Complaints(long cases, Double rate, Double satisfaction, double satisfactionTarget, Double averageRating,
            double ratingTarget, Double previousRate, Double previousSatisfaction) {
    }

    record Subtype(String subtype, long cases, long suggested, Double averageProcessingHours) {
    }

    /** {@code caseList}: the path (under the API's base URL) of the category's cases, R26. */
    record Category(String category, long cases, Double share, Double incidencePerThousand, long resolved, Double resolutionRate,
            long reopened, long reopens, Double reopenRate, Double averageProcessingHours, Double satisfaction, long previousCases,
            String caseList, List<Subtype> subtypes) {
    }

    record Report(String merchantId, String cycle, String previousCycle, String countedThrough, long conversations, long cases,
            long suggestedCases, Double incidencePerThousand, long resolved, Double resolutionRate, long reopened, long reopens,
            Double reopenRate, Double averageProcessingHours, Double satisfaction, Returns returns, Warranty warranty,
            Complaints complaints, String caseList, List<Category> categories) {

        static Report of(ReportAfterSales.Report r) {
            Figures now = r.current();
            Figures before = r.previous();
            List<Category> categories = new ArrayList<>();
            now.byCategory().forEach((category, t) -> {
                List<Subtype> subtypes = new ArrayList<>();
                now.bySubtype().forEach((subtype, st) -> {
                    if (subtype.top() == category) {
                        subtypes.add(new Subtype(subtype.name(), st.cases(), st.suggested(), st.averageProcessingHours()));
                    }
                });
                Tally previous = before.byCategory().get(category);
                categories.add(new Category(category.name(), t.cases(), now.share(t), now.incidencePerThousand(t), t.resolved(),
                        t.resolutionRate(), t.reopened(), t.reopens(), t.reopenRate(), t.averageProcessingHours(), t.satisfaction(),
                        previous == null ? 0 : previous.cases(), AfterSalesCasesRoute.path(r.merchant(), now.cycle(), category.name()),
                        subtypes));
            });
            Tally all = now.all();
            return new Report(r.merchant().value(), now.cycle().toString(), before.cycle().toString(), Instants.format(r.countedThrough()),
                    now.conversations(), all.cases(), all.suggested(), now.incidencePerThousand(all), all.resolved(),
                    all.resolutionRate(), all.reopened(), all.reopens(), all.reopenRate(), all.averageProcessingHours(),
                    all.satisfaction(),
                    new Returns(now.returns().cases(), now.returns().resolved(), now.returns().averageProcessingHours(),
                            AfterSalesTargets.returnWaitHours(), now.returnWaitPasses(), before.returns().averageProcessingHours()),
                    new Warranty(now.warranty().cases(), now.warranty().completedWithin48h(), AfterSalesTargets.WARRANTY_SHARE,
                            now.warrantyPasses(), before.warranty().completedWithin48h()),
                    new Complaints(now.complaints().cases(), now.complaintRate(), now.complaints().satisfaction(),
                            AfterSalesTargets.COMPLAINT_SATISFACTION, now.complaints().averageRating(), AfterSalesTargets.COMPLAINT_RATING,
                            before.complaintRate(), before.complaints().satisfaction()),
                    AfterSalesCasesRoute.path(r.merchant(), now.cycle(), null), categories);
        }
    }

    /** One CSV line: a subtype's figures in the cycle, with its cases in the previous one. */
    record Line(String merchantId, String cycle, AfterSalesCategory subtype, Tally figures, Double incidencePerThousand,
            long previousCycleCases) {
    }

    static final Sheet<Line> SHEET = Sheet.of(Line.class).text("merchantId", "商户", Line::merchantId).text("cycle", "考核周期", Line::cycle)
            .code("category", "类别", l -> l.subtype().top().name(), ChineseNames.CATEGORIES)
            .code("subtype", "子类", l -> l.subtype().name(), ChineseNames.CATEGORIES).number("cases", "售后案例", l -> l.figures().cases())
            .number("suggested", "其中系统推断", l -> l.figures().suggested())
            .number("incidencePerThousand", "每千次会话发生率", Line::incidencePerThousand)
            .number("resolved", "已解决", l -> l.figures().resolved())
            .number("averageProcessingHours", "平均处理时长（小时）", l -> l.figures().averageProcessingHours())
            .number("resolvedWithin12h", "12小时内解决", l -> l.figures().within12h())
            .number("resolvedWithin48h", "48小时内解决", l -> l.figures().within48h()).number("rated", "评价数", l -> l.figures().rated())
            .number("satisfaction", "满意度", l -> l.figures().satisfaction())
            .number("averageRating", "平均评分", l -> l.figures().averageRating())
            .number("previousCycleCases", "上周期案例", Line::previousCycleCases)
            // added after the columns Excel users already have, so theirs keep their places
            .number("resolutionRate", "解决率", l -> l.figures().resolutionRate())
            .number("reopened", "重新打开的案例", l -> l.figures().reopened()).number("reopens", "重新打开次数", l -> l.figures().reopens())
            .number("reopenRate", "重开率", l -> l.figures().reopenRate()).build();

    /** {@code GET …/aftersales}. */
    static Route report(ReportAfterSales afterSales, ReportKpiCounters kpis) {
        return call -> {
            Cycle cycle = RouteParameters.cycle(call.request(), kpis::currentCycle);
            ReportAfterSales.Report r = afterSales.report(call.merchant().id(), cycle);
            if (call.wantsCsv()) {
                List<Line> lines = new ArrayList<>();
                Figures now = r.current();
                now.bySubtype().forEach((subtype, t) -> {
                    Tally before = r.previous().bySubtype().get(subtype);
                    lines.add(new Line(call.merchantId(), cycle.toString(), subtype, t, now.incidencePerThousand(t),
                            before == null ? 0 : before.cases()));
                });
                return Csv.response(Csv.fileName("aftersales", call.merchantId(), cycle.toString()), SHEET, lines,
                        Lang.of(call.request()), Map.of());
            }
            return ApiResponses.json(200, Report.of(r));
        };
    }

    /** A manager's classification, as answered. */
    record Classified(String conversationId, String category, boolean suggested) {
    }

    /** {@code PUT …/conversations/{conversationId}/category} with {@code {"category": "LOGISTICS_LATE"}}. */
    static Route classify(ClassifyCase cases, JsonLog log) {
        return call -> {
            JsonNode body = RouteParameters.anyJson(call.request());
            String code = body.path("category").asText(null);
            Optional<AfterSalesCategory> category = code == null ? Optional.empty() : AfterSalesCategory.fromCode(code);
            if (category.isEmpty()) {
                throw InvalidInput.of("category", "is required: one of the R24 subtype codes "
                        + Arrays.toString(AfterSalesCategory.values()) + (code == null ? "" : " (got '" + code + "')"));
            }
            ConversationId conversation = new ConversationId(RouteParameters.id(call.request(), "conversationId"));
            if (!cases.classify(call.merchant(), conversation, category.get(), call.auditName())) {
                return ApiResponses.error(404, "no conversation '" + conversation.value() + "'");
            }
            log.info("case classified", "merchant", call.merchantId(), "category", category.get().name());
            return ApiResponses.json(200, new Classified(conversation.value(), category.get().name(), false));
        };
    }
}
