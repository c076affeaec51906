package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.usecase.ReportKpiCounters;
import com.replyguard.usecase.ReportLeaderboard;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/leaderboard?month=} (R21): the month's best-response award - the best-ranked
 * agent who meets the minimum standard, or none - and the ranking behind it. CSV: the ranking.
 */
final class LeaderboardRoute implements Route {
    private final ReportLeaderboard leaderboard;
    private final ReportKpiCounters kpis;

    LeaderboardRoute(ReportLeaderboard leaderboard, ReportKpiCounters kpis) {
        this.leaderboard = leaderboard;
        this.kpis = kpis;
    }

    record Standard(double firstResponseTargetSeconds, double satisfactionTarget, String worstDisciplineLevel) {
    }

    record Entry(int rank, String agentId, double score, double speed, double satisfaction, double discipline, int firstResponses,
            Double averageFirstResponseSeconds, int rated, boolean qualifies, List<String> shortOf) {
        static Entry of(ReportLeaderboard.Entry e) {
            return new Entry(e.rank(), e.agentId(), e.score(), e.speed(), e.satisfaction(), e.disciplineShare(), e.firstResponses(),
                    e.averageFirstResponseSeconds(), e.rated(), e.qualifies(), e.shortOf().stream().map(Enum::name).toList());
        }
    }

    /** {@code award}: the winner's id, null when nobody qualifies this month. */
    record Board(String merchantId, String month, String award, Standard standard, List<Entry> ranking, List<String> tooFewResponses,
            int minimumFirstResponses) {
    }

    /** One CSV line: an entry of the month's ranking. */
    record Line(String month, Entry entry) {
    }

    static final Sheet<Line> SHEET = Sheet.of(Line.class).text("month", "月份", Line::month).number("rank", "排名", l -> l.entry().rank())
            .text("agentId", "坐席", l -> l.entry().agentId()).number("score", "综合得分", l -> l.entry().score())
            .number("speed", "速度", l -> l.entry().speed()).number("satisfaction", "满意度", l -> l.entry().satisfaction())
            .number("discipline", "纪律", l -> l.entry().discipline()).number("firstResponses", "首次回复数", l -> l.entry().firstResponses())
            .number("averageFirstResponseSeconds", "平均首次回复（秒）", l -> l.entry().averageFirstResponseSeconds())
            .number("rated", "评价数", l -> l.entry().rated()).text("qualifies", "达到标准", l -> l.entry().qualifies())
            .text("shortOf", "未达项", l -> String.join(" ", l.entry().shortOf())).build();

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        YearMonth month = RouteParameters.month(call.request(), () -> kpis.currentCycle().month());
        ReportLeaderboard.Leaderboard b = leaderboard.leaderboard(call.merchant(), month);
        List<Entry> ranking = b.entries().stream().map(Entry::of).toList();
        if (call.wantsCsv()) {
            return Csv.response(Csv.fileName("leaderboard", call.merchantId(), month.toString()), SHEET,
                    ranking.stream().map(e -> new Line(month.toString(), e)).toList(), Lang.of(call.request()), Map.of());
        }
        ReportLeaderboard.Standard s = b.standard();
        return ApiResponses.json(200, new Board(call.merchantId(), b.month().toString(), b.award() == null ? null : b.award().agentId(),
                new Standard(s.firstResponseTargetSeconds(), s.satisfactionTarget(), s.worstDiscipline().name()), ranking,
                b.tooFewResponses(), ReportLeaderboard.MIN_FIRST_RESPONSES));
    }
}
