package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.usecase.ReportQuality;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/quality?month=} (R28): the monthly quality review - resolution rate,
 * satisfaction, response times and complaint rate of the month, each beside the
 * {@value ReportQuality#TREND_MONTHS} months before it (oldest first) for the trend. Parse →
 * {@link ReportQuality} → {@link Review}; CSV: one line per month, the trend's months, then the one asked.
 */
final class QualityRoute implements Route {
    private final ReportQuality quality;

    QualityRoute(ReportQuality quality) {
        this.quality = quality;
    }

    /** One month's figures with the counts behind each rate and average (null: nothing to divide by). */
    record Month(String month, long conversations, long cases, long resolved, Double resolutionRate, long rated, long satisfied,
            Double satisfaction, long firstResponses, Double averageFirstResponseSeconds, long roundsTimed,
            Double averageRoundReplySeconds, long complaints, Double complaintRate) {
        static Month of(ReportQuality.Month m) {
            return new Month(m.month().toString(), m.conversations(), m.cases(), m.resolved(), m.resolutionRate(), m.rated(),
                    m.satisfied(), m.satisfaction(), m.firstResponses(), m.averageFirstResponseSeconds(), m.roundsTimed(),
                    m.averageRoundReplySeconds(), m.complaints(), m.complaintRate());
        }
    }

    /** {@code countedThrough}: the asked month is counted up to this instant (null before it began). */
    record Review(String merchantId, String month, String countedThrough, Month figures, List<Month> trend) {
    }

    /** One CSV line: a month of the review. */
    record Line(String merchantId, Month month) {
    }

    static final Sheet<Line> SHEET = Sheet.of(Line.class).text("merchantId", "商户", Line::merchantId)
            .text("month", "月份", l -> l.month().month()).number("conversations", "会话数", l -> l.month().conversations())
            .number("cases", "售后案例", l -> l.month().cases()).number("resolved", "已解决", l -> l.month().resolved())
            .number("resolutionRate", "解决率", l -> l.month().resolutionRate()).number("rated", "评价数", l -> l.month().rated())
            .number("satisfied", "满意评价", l -> l.month().satisfied()).number("satisfaction", "满意度", l -> l.month().satisfaction())
            .number("firstResponses", "首次回复数", l -> l.month().firstResponses())
            .number("averageFirstResponseSeconds", "平均首次回复（秒）", l -> l.month().averageFirstResponseSeconds())
            .number("roundsTimed", "计时回复轮次", l -> l.month().roundsTimed())
            .number("averageRoundReplySeconds", "平均每轮回复（秒）", l -> l.month().averageRoundReplySeconds())
            .number("complaints", "服务投诉", l -> l.month().complaints()).number("complaintRate", "投诉率", l -> l.month().complaintRate())
            .build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        YearMonth month = RouteParameters.month(call.request(), quality::currentMonth);
        ReportQuality.Review r = quality.review(call.merchant().id(), month);
        Month figures = Month.of(r.month());
        List<Month> trend = r.trend().stream().map(Month::of).toList();
        if (call.wantsCsv()) {
            List<Line> lines = new ArrayList<>();
            trend.forEach(m -> lines.add(new Line(call.merchantId(), m)));
            lines.add(new Line(call.merchantId(), figures));
            return Csv.response(Csv.fileName("quality", call.merchantId(), month.toString()), SHEET, lines, Lang.of(call.request()),
                    Map.of());
        }
        return ApiResponses.json(200, new Review(call.merchantId(), month.toString(), Instants.format(r.countedThrough()), figures, trend));
    }
}
