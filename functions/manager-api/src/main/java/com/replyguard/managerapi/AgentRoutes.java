package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.assessment.Cycle;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.intake.InvalidInput;
import com.replyguard.usecase.FindAgent;
import com.replyguard.usecase.ReportAgentDiscipline;
import com.replyguard.usecase.ReportAgentScorecard;
import com.replyguard.usecase.ReportKpiCounters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's pages: {@code GET /merchants/{m}/agents/{agentId}/discipline?cycle=} (R19, R20: timeouts,
 * excuses, complaints, level, points and the breaches behind them) and {@code …/scorecard?cycle=}
 * (R18-R20: response times, ratings and the discipline standing). A team lead reads their team's
 * agents only - the use cases' rule. An agent the merchant has never seen is 404, a malformed id 400. CSV: the discipline's breaches (level and points in
 * {@code X-Discipline-Level}, {@code X-Discipline-Points}), or the scorecard's one line.
 */
final class AgentRoutes {
    private AgentRoutes() {
    }

    record Discipline(String agentId, String cycle, int timeouts, int excused, int slowResponseComplaints, String level,
            boolean trainingFlag, int points, List<BreachItem> breaches) {
        static Discipline of(ReportAgentDiscipline.Report r) {
            DisciplineRules.Standing s = r.standing();
            return new Discipline(s.agentId(), s.cycle(), s.timeouts(), s.excused(), s.slowComplaints(), s.level().name(), s.training(),
                    s.points(), BreachItem.of(r.breaches()));
        }
    }

    /** The scorecard's discipline: the standing and its breaches (agent and cycle are the card's). */
    record CardDiscipline(int timeouts, int excused, int slowResponseComplaints, String level, boolean trainingFlag, int points,
            List<BreachItem> breaches) {
    }

    record Scorecard(String agentId, String cycle, int firstResponses, Double averageFirstResponseSeconds, int roundsAnswered,
            Double averageRoundReplySeconds, int rated, Double satisfaction, CardDiscipline discipline) {
        static Scorecard of(ReportAgentScorecard.Scorecard c) {
            Discipline d = Discipline.of(c.discipline());
            return new Scorecard(c.agentId(), c.cycle().toString(), c.firstResponses(), c.averageFirstResponseSeconds(),
                    c.roundsAnswered(), c.averageRoundReplySeconds(), c.rated(), c.satisfaction(), new CardDiscipline(d.timeouts(),
                            d.excused(), d.slowResponseComplaints(), d.level(), d.trainingFlag(), d.points(), d.breaches()));
        }
    }

    static final Sheet<Scorecard> SCORECARD_SHEET = Sheet.of(Scorecard.class).text("agentId", "坐席", Scorecard::agentId)
            .text("cycle", "考核周期", Scorecard::cycle).number("firstResponses", "首次回复数", Scorecard::firstResponses)
            .number("averageFirstResponseSeconds", "平均首次回复（秒）", Scorecard::averageFirstResponseSeconds)
            .number("roundsAnswered", "回复轮次", Scorecard::roundsAnswered)
            .number("averageRoundReplySeconds", "平均每轮回复（秒）", Scorecard::averageRoundReplySeconds)
            .number("rated", "评价数", Scorecard::rated).number("satisfaction", "满意度", Scorecard::satisfaction)
            .number("timeouts", "超时次数", c -> c.discipline().timeouts()).number("excused", "免责次数", c -> c.discipline().excused())
            .number("slowResponseComplaints", "回复太慢投诉", c -> c.discipline().slowResponseComplaints())
            .code("level", "纪律等级", c -> c.discipline().level(), ChineseNames.LEVELS)
            .text("trainingFlag", "需培训", c -> c.discipline().trainingFlag()).number("points", "积分", c -> c.discipline().points())
            .build();

    /**
     * What an agent route asks: which agent, which cycle, and whether the merchant knows the agent
     * ({@link FindAgent}: a malformed id is 400, a team lead asking about another team 403, an agent
     * never seen 404 - never a spotless record).
     */
    private record Asked(String agent, Cycle cycle, FindAgent.Outcome outcome) {
        static Asked of(Call call, ReportKpiCounters kpis, FindAgent agents) {
            String agent = call.path("agentId");
            Optional<String> problem = FindAgent.problem(agent);
            if (problem.isPresent()) {
                throw new InvalidInput(RouteParameters.problems(List.of(problem.get())));
            }
            Cycle cycle = RouteParameters.cycle(call.request(), kpis::currentCycle);
            return new Asked(agent, cycle, agents.find(call.caller(), call.merchant(), agent, cycle));
        }

        boolean unknown() {
            return outcome != FindAgent.Outcome.KNOWN;
        }

        APIGatewayV2HTTPResponse notFound(Call call) {
            return ApiResponses.error(404, "no agent '" + agent + "' at merchant '" + call.merchantId()
                    + "': no event names them, no shift roster holds them and nothing is counted for them in " + cycle
                    + " or the cycle before");
        }

        String fileName(String report, Call call) {
            return Csv.fileName(report, call.merchantId(), agent, cycle.toString());
        }
    }

    /** {@code GET …/agents/{agentId}/discipline}. */
    static Route discipline(ReportAgentDiscipline discipline, ReportKpiCounters kpis, FindAgent agents) {
        return call -> {
            Asked a = Asked.of(call, kpis, agents);
            if (a.unknown()) {
                return a.notFound(call);
            }
            Discipline d = Discipline.of(discipline.report(call.caller(), call.merchant(), a.agent(), a.cycle()));
            if (!call.wantsCsv()) {
                return ApiResponses.json(200, d);
            }
            return Csv.response(a.fileName("discipline", call), BreachItem.SHEET, d.breaches(), Lang.of(call.request()),
                    Map.of("X-Discipline-Level", d.level(), "X-Discipline-Points", Integer.toString(d.points())));
        };
    }

    /** {@code GET …/agents/{agentId}/scorecard}. */
    static Route scorecard(ReportAgentScorecard scorecards, ReportKpiCounters kpis, FindAgent agents) {
        return call -> {
            Asked a = Asked.of(call, kpis, agents);
            if (a.unknown()) {
                return a.notFound(call);
            }
            Scorecard card = Scorecard.of(scorecards.scorecard(call.caller(), call.merchant(), a.agent(), a.cycle()));
            if (!call.wantsCsv()) {
                return ApiResponses.json(200, card);
            }
            return Csv.response(a.fileName("scorecard", call), SCORECARD_SHEET, List.of(card), Lang.of(call.request()), Map.of());
        };
    }
}
