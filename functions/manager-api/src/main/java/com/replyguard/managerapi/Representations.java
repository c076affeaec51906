package com.replyguard.managerapi;

import com.replyguard.adapters.json.Instants;
import com.replyguard.adapters.json.MetricFigureJson;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.CycleForecast;
import com.replyguard.assessment.KpiReport;
import com.replyguard.assessment.MetricFigure;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.assessment.PlatformMetric;
import com.replyguard.assessment.Verdict;
import com.replyguard.breach.Breach;
import com.replyguard.breach.BreachPage;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.Round;
import com.replyguard.usecase.ShowConversation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the manager API (docs/openapi.yaml). Instants in China time (+08:00). */
final class Representations {
    private Representations() {
    }

    /**
     * Who the caller is, as this API sees them (the console shows only what the role may do):
     * merchant, role, a team lead's agents, whether the role may change anything.
     */
    static Map<String, Object> manager(com.replyguard.merchant.Manager manager) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", manager.merchant().value());
        m.put("role", manager.role().name());
        m.put("team", new java.util.TreeSet<>(manager.team()));
        m.put("mayChange", manager.mayChange());
        return m;
    }

    /** The contract's KPI report, with {@code final}, {@code countedThrough} and, when asked for, {@code groups}. */
    static Map<String, Object> kpis(com.replyguard.usecase.ReportKpiCounters.View view, String groupBy) {
        Map<String, Object> m = kpis(view.total());
        m.put("final", view.finalReport());
        m.put("countedThrough", view.countedThrough() == null ? null : Instants.format(view.countedThrough()));
        if (groupBy != null) {
            m.put("groupBy", groupBy);
            List<Map<String, Object>> groups = new ArrayList<>();
            view.figures().groups(view.total().merchant(), com.replyguard.kpi.Dimension.Family.of(groupBy).orElseThrow()).forEach((key, r) -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("key", key);
                putMetrics(g, r);
                groups.add(g);
            });
            m.put("groups", groups);
        }
        return m;
    }

    static List<List<Object>> kpiGroupRows(com.replyguard.usecase.ReportKpiCounters.View view, String groupBy) {
        List<List<Object>> rows = new ArrayList<>();
        view.figures().groups(view.total().merchant(), com.replyguard.kpi.Dimension.Family.of(groupBy).orElseThrow()).forEach((key, r) -> {
            for (List<Object> row : kpiRows(r)) {
                List<Object> withGroup = new ArrayList<>(row);
                withGroup.add(2, groupBy + ":" + key);
                rows.add(withGroup);
            }
        });
        return rows;
    }

    static Map<String, Object> afterSales(com.replyguard.usecase.ReportAfterSales.Report r) {
        var now = r.current();
        var before = r.previous();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", r.merchant().value());
        m.put("cycle", now.cycle().toString());
        m.put("previousCycle", before.cycle().toString());
        m.put("countedThrough", r.countedThrough() == null ? null : Instants.format(r.countedThrough()));
        m.put("conversations", now.conversations());
        m.put("cases", now.all().cases());
        m.put("suggestedCases", now.all().suggested());
        m.put("incidencePerThousand", now.incidencePerThousand(now.all()));
        m.put("resolved", now.all().resolved());
        m.put("averageProcessingHours", now.all().averageProcessingHours());
        m.put("satisfaction", now.all().satisfaction());
        Map<String, Object> returns = new LinkedHashMap<>();
        returns.put("cases", now.returns().cases());
        returns.put("resolved", now.returns().resolved());
        returns.put("averageWaitHours", now.returns().averageProcessingHours());
        returns.put("targetHours", com.replyguard.assessment.AfterSalesTargets.RETURN_WAIT.toMinutes() / 60.0);
        returns.put("passing", now.returnWaitPasses());
        returns.put("previousAverageWaitHours", before.returns().averageProcessingHours());
        m.put("returns", returns);
        Map<String, Object> warranty = new LinkedHashMap<>();
        warranty.put("cases", now.warranty().cases());
        warranty.put("completedWithin48h", now.warranty().completedWithin48h());
        warranty.put("target", com.replyguard.assessment.AfterSalesTargets.WARRANTY_SHARE);
        warranty.put("passing", now.warrantyPasses());
        warranty.put("previousCompletedWithin48h", before.warranty().completedWithin48h());
        m.put("warranty", warranty);
        Map<String, Object> complaints = new LinkedHashMap<>();
        complaints.put("cases", now.complaints().cases());
        complaints.put("rate", now.complaintRate());
        complaints.put("satisfaction", now.complaints().satisfaction());
        complaints.put("satisfactionTarget", com.replyguard.assessment.AfterSalesTargets.COMPLAINT_SATISFACTION);
        complaints.put("averageRating", now.complaints().averageRating());
        complaints.put("ratingTarget", com.replyguard.assessment.AfterSalesTargets.COMPLAINT_RATING);
        complaints.put("previousRate", before.complaintRate());
        complaints.put("previousSatisfaction", before.complaints().satisfaction());
        m.put("complaints", complaints);
        List<Map<String, Object>> categories = new ArrayList<>();
        now.byCategory().forEach((category, t) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("category", category.name());
            c.put("cases", t.cases());
            c.put("share", now.all().cases() == 0 ? null : (double) t.cases() / now.all().cases());
            c.put("incidencePerThousand", now.incidencePerThousand(t));
            c.put("averageProcessingHours", t.averageProcessingHours());
            c.put("satisfaction", t.satisfaction());
            c.put("previousCases", before.byCategory().containsKey(category) ? before.byCategory().get(category).cases() : 0);
            List<Map<String, Object>> subtypes = new ArrayList<>();
            now.bySubtype().forEach((subtype, st) -> {
                if (subtype.top() == category) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("subtype", subtype.name());
                    x.put("cases", st.cases());
                    x.put("suggested", st.suggested());
                    x.put("averageProcessingHours", st.averageProcessingHours());
                    subtypes.add(x);
                }
            });
            c.put("subtypes", subtypes);
            categories.add(c);
        });
        m.put("categories", categories);
        return m;
    }

    static Map<String, Object> operationsByType(com.replyguard.usecase.ReportOperationsByType.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", r.merchant().value());
        m.put("cycle", r.cycle().toString());
        m.put("asOf", Instants.format(r.asOf()));
        m.put("countedThrough", r.countedThrough() == null ? null : Instants.format(r.countedThrough()));
        m.put("groupBy", r.groupBy());
        m.put("all", opsGroup(r.all()));
        m.put("groups", r.groups().stream().map(Representations::opsGroup).toList());
        return m;
    }

    private static Map<String, Object> opsGroup(com.replyguard.usecase.ReportOperationsByType.Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", g.key());
        m.put("conversations", g.conversations());
        m.put("averageFirstResponseSeconds", g.averageFirstResponseSeconds());
        m.put("averageRoundReplySeconds", g.averageRoundReplySeconds());
        m.put("rounds", g.rounds());
        m.put("replyRate", g.replyRate());
        m.put("clocks", g.timeouts().clocks());
        m.put("timeouts", g.timeouts().breached());
        m.put("timeoutRate", g.timeouts().rate());
        Map<String, Object> byClock = new LinkedHashMap<>();
        g.timeoutsByClock().forEach((type, t) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("clocks", t.clocks());
            c.put("timeouts", t.breached());
            c.put("timeoutRate", t.rate());
            byClock.put(type.name(), c);
        });
        m.put("byClock", byClock);
        return m;
    }

    static final List<String> OPERATIONS_BY_TYPE_CSV_HEADER = List.of("merchantId", "cycle", "groupBy", "group", "clock",
            "conversations", "averageFirstResponseSeconds", "averageRoundReplySeconds", "rounds", "replyRate", "clocks",
            "timeouts", "timeoutRate");

    static List<List<Object>> operationsByTypeRows(com.replyguard.usecase.ReportOperationsByType.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (var g : r.groups()) {
            rows.add(java.util.Arrays.asList(r.merchant().value(), r.cycle().toString(), r.groupBy(), g.key(), "ALL",
                    g.conversations(), g.averageFirstResponseSeconds(), g.averageRoundReplySeconds(), g.rounds(),
                    g.replyRate(), g.timeouts().clocks(), g.timeouts().breached(), g.timeouts().rate()));
            g.timeoutsByClock().forEach((type, t) -> rows.add(java.util.Arrays.asList(r.merchant().value(),
                    r.cycle().toString(), r.groupBy(), g.key(), type.name(), null, null, null, null, null, t.clocks(),
                    t.breached(), t.rate())));
        }
        return rows;
    }

    static final List<String> AFTER_SALES_CSV_HEADER = List.of("merchantId", "cycle", "category", "subtype", "cases",
            "suggested", "incidencePerThousand", "resolved", "averageProcessingHours", "resolvedWithin12h",
            "resolvedWithin48h", "rated", "satisfaction", "averageRating", "previousCycleCases");

    static List<List<Object>> afterSalesRows(com.replyguard.usecase.ReportAfterSales.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        var now = r.current();
        now.bySubtype().forEach((subtype, t) -> {
            var before = r.previous().bySubtype().get(subtype);
            rows.add(java.util.Arrays.asList(r.merchant().value(), now.cycle().toString(),
                    subtype.top().name(), subtype.name(), t.cases(), t.suggested(),
                    now.incidencePerThousand(t), t.resolved(), t.averageProcessingHours(), t.within12h(), t.within48h(),
                    t.rated(), t.satisfaction(), t.averageRating(), before == null ? 0 : before.cases()));
        });
        return rows;
    }

    /** The contract's three metric objects of a report. */
    private static void putMetrics(Map<String, Object> m, KpiReport r) {
        m.put("firstReply2Min", MetricFigureJson.of(r.firstReply2Min()));
        m.put("reply3Min", MetricFigureJson.of(r.reply3Min()));
        m.put("satisfaction", MetricFigureJson.of(r.satisfaction()));
    }

    static Map<String, Object> kpis(KpiReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", r.merchant().value());
        m.put("cycle", r.cycle().toString());
        m.put("from", Instants.format(r.cycle().from()));
        m.put("to", Instants.format(r.cycle().to()));
        putMetrics(m, r);
        m.put("asOf", Instants.format(r.asOf()));
        m.put("verdict", verdict(r.verdict()));
        Map<String, Object> forecast = new LinkedHashMap<>();
        METRIC_NAMES.forEach((metric, name) -> forecast.put(name, forecast(r.forecast(metric))));
        m.put("forecast", forecast);
        return m;
    }

    /** The three metrics by their names in the contract, in the contract's order. */
    private static final Map<PlatformMetric, String> METRIC_NAMES = metricNames();

    private static Map<PlatformMetric, String> metricNames() {
        Map<PlatformMetric, String> names = new LinkedHashMap<>();
        names.put(PlatformMetric.FIRST_REPLY_2MIN, "firstReply2Min");
        names.put(PlatformMetric.REPLY_3MIN, "reply3Min");
        names.put(PlatformMetric.SATISFACTION, "satisfaction");
        return names;
    }

    static String verdict(Verdict v) {
        return switch (v) {
            case PASSING -> "passing";
            case AT_RISK -> "atRisk";
            case BARRED -> "barred";
        };
    }

    private static Map<String, Object> forecast(CycleForecast c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headroomNow", c.headroomNow());
        m.put("metInARowToRecover", c.metInARowToRecover());
        m.put("expectedRemainingUnits", c.expectedRemainingUnits());
        m.put("missesAllowedForRestOfCycle", c.missesAllowedForRestOfCycle());
        m.put("projectedRate", c.projectedRate());
        m.put("cycleOver", c.cycleOver());
        return m;
    }

    static final List<String> KPI_CSV_HEADER = List.of("merchantId", "cycle", "metric", "met", "total", "rate", "target",
            "passing", "headroomNow", "metInARowToRecover", "expectedRemainingUnits", "missesAllowedForRestOfCycle", "asOf", "verdict");

    static List<List<Object>> kpiRows(KpiReport r) {
        List<List<Object>> rows = new ArrayList<>();
        METRIC_NAMES.forEach((metric, name) -> {
            MetricFigure f = r.metric(metric);
            CycleForecast c = r.forecast(metric);
            rows.add(java.util.Arrays.asList(r.merchant().value(), r.cycle().toString(), name, f.met(), f.total(), f.rate(),
                    f.target(), f.passing(), c.headroomNow(), c.metInARowToRecover(), c.expectedRemainingUnits(),
                    c.missesAllowedForRestOfCycle(), Instants.format(r.asOf()), verdict(r.verdict())));
        });
        return rows;
    }

    static Map<String, Object> operations(com.replyguard.usecase.ReportOperations.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", r.merchant().value());
        m.put("cycle", r.cycle().toString());
        m.put("asOf", Instants.format(r.asOf()));
        m.put("all", tally(r.all()));
        Map<String, Object> byChannel = new LinkedHashMap<>();
        r.byChannel().forEach((channel, t) -> byChannel.put(channel.name(), tally(t)));
        m.put("byChannel", byChannel);
        return m;
    }

    private static Map<String, Object> tally(com.replyguard.assessment.ResponseTimes.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversations", t.conversations());
        m.put("averageFirstResponseSeconds", t.averageFirstResponseSeconds());
        m.put("averageRoundReplySeconds", t.averageRoundReplySeconds());
        m.put("rounds", t.rounds());
        m.put("replyRate", t.replyRate());
        return m;
    }

    static Map<String, Object> scorecard(com.replyguard.usecase.ReportAgentScorecard.Scorecard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agentId", c.agentId());
        m.put("cycle", c.cycle().toString());
        m.put("firstResponses", c.firstResponses());
        m.put("averageFirstResponseSeconds", c.averageFirstResponseSeconds());
        m.put("roundsAnswered", c.roundsAnswered());
        m.put("averageRoundReplySeconds", c.averageRoundReplySeconds());
        m.put("rated", c.rated());
        m.put("satisfaction", c.satisfaction());
        Map<String, Object> d = discipline(c.discipline());
        d.remove("agentId");
        d.remove("cycle");
        m.put("discipline", d);
        return m;
    }

    static final List<String> SCORECARD_CSV_HEADER = List.of("agentId", "cycle", "firstResponses",
            "averageFirstResponseSeconds", "roundsAnswered", "averageRoundReplySeconds", "rated", "satisfaction", "timeouts",
            "excused", "slowResponseComplaints", "level", "trainingFlag", "points");

    static List<Object> scorecardRow(com.replyguard.usecase.ReportAgentScorecard.Scorecard c) {
        var s = c.discipline().standing();
        return java.util.Arrays.asList(c.agentId(), c.cycle().toString(), c.firstResponses(), c.averageFirstResponseSeconds(),
                c.roundsAnswered(), c.averageRoundReplySeconds(), c.rated(), c.satisfaction(), s.timeouts(), s.excused(),
                s.slowComplaints(), s.level().name(), s.training(), s.points());
    }

    static Map<String, Object> leaderboard(String merchant, com.replyguard.usecase.ReportLeaderboard.Leaderboard b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", merchant);
        m.put("month", b.month().toString());
        // the best-ranked agent who meets the minimum standard; null: no winner this month
        m.put("award", b.award() == null ? null : b.award().agentId());
        Map<String, Object> standard = new LinkedHashMap<>();
        standard.put("firstResponseTargetSeconds", b.standard().firstResponseTargetSeconds());
        standard.put("satisfactionTarget", b.standard().satisfactionTarget());
        standard.put("worstDisciplineLevel", b.standard().worstDiscipline().name());
        m.put("standard", standard);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (var e : b.entries()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("rank", e.rank());
            v.put("agentId", e.agentId());
            v.put("score", e.score());
            v.put("speed", e.speed());
            v.put("satisfaction", e.satisfaction());
            v.put("discipline", e.disciplineShare());
            v.put("firstResponses", e.firstResponses());
            v.put("averageFirstResponseSeconds", e.averageFirstResponseSeconds());
            v.put("rated", e.rated());
            v.put("qualifies", e.qualifies());
            v.put("shortOf", e.shortOf().stream().map(Enum::name).toList());
            entries.add(v);
        }
        m.put("ranking", entries);
        m.put("tooFewResponses", b.tooFewResponses());
        m.put("minimumFirstResponses", com.replyguard.usecase.ReportLeaderboard.MIN_FIRST_RESPONSES);
        return m;
    }

    static final List<String> LEADERBOARD_CSV_HEADER = List.of("month", "rank", "agentId", "score", "speed", "satisfaction",
            "discipline", "firstResponses", "averageFirstResponseSeconds", "rated", "qualifies", "shortOf");

    static List<List<Object>> leaderboardRows(com.replyguard.usecase.ReportLeaderboard.Leaderboard b) {
        List<List<Object>> rows = new ArrayList<>();
        for (var e : b.entries()) {
            rows.add(java.util.Arrays.asList(b.month().toString(), e.rank(), e.agentId(), e.score(), e.speed(), e.satisfaction(),
                    e.disciplineShare(), e.firstResponses(), e.averageFirstResponseSeconds(), e.rated(), e.qualifies(),
                    String.join(" ", e.shortOf().stream().map(Enum::name).toList())));
        }
        return rows;
    }

    static final List<String> OPERATIONS_CSV_HEADER = List.of("merchantId", "cycle", "channel", "conversations",
            "averageFirstResponseSeconds", "averageRoundReplySeconds", "rounds", "replyRate", "asOf");

    static List<List<Object>> operationsRows(com.replyguard.usecase.ReportOperations.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList(r.merchant().value(), r.cycle().toString(), "ALL", r.all().conversations(),
                r.all().averageFirstResponseSeconds(), r.all().averageRoundReplySeconds(), r.all().rounds(), r.all().replyRate(),
                Instants.format(r.asOf())));
        r.byChannel().forEach((channel, t) -> rows.add(java.util.Arrays.asList(r.merchant().value(), r.cycle().toString(),
                channel.name(), t.conversations(), t.averageFirstResponseSeconds(), t.averageRoundReplySeconds(), t.rounds(),
                t.replyRate(), Instants.format(r.asOf()))));
        return rows;
    }

    static final List<String> BREACH_CSV_HEADER = List.of("breachId", "conversationId", "clock", "deadline", "detectedAt",
            "clockStart", "targetSeconds", "channel", "urgent", "answeredAt", "responsibleAgentId", "excusedAt", "excusedBy",
            "excuseReason");

    static List<List<Object>> breachRows(BreachPage page) {
        List<List<Object>> rows = new ArrayList<>();
        for (Breach b : page.breaches()) {
            rows.add(java.util.Arrays.asList(b.breachId(), b.conversationId().value(), b.clock().type().name(),
                    Instants.format(b.deadline()), Instants.format(b.detectedAt()), Instants.format(b.clock().start()),
                    b.clock().target().toMillis() / 1000.0, b.clock().channel().name(), b.clock().urgent(),
                    Instants.format(b.clock().answeredAt()), b.responsibleAgentId(),
                    b.excuse() == null ? null : Instants.format(b.excuse().at()), b.excuse() == null ? null : b.excuse().by(),
                    b.excuse() == null ? null : b.excuse().reason()));
        }
        return rows;
    }

    static Map<String, Object> breaches(BreachPage page) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Breach b : page.breaches()) {
            list.add(breach(b));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("breaches", list);
        m.put("nextToken", page.nextToken());
        return m;
    }

    static Map<String, Object> discipline(com.replyguard.usecase.ReportAgentDiscipline.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        var s = r.standing();
        m.put("agentId", s.agentId());
        m.put("cycle", s.cycle());
        m.put("timeouts", s.timeouts());
        m.put("excused", s.excused());
        m.put("slowResponseComplaints", s.slowComplaints());
        m.put("level", s.level().name());
        m.put("trainingFlag", s.training());
        m.put("points", s.points());
        List<Map<String, Object>> list = new ArrayList<>();
        r.breaches().forEach(b -> list.add(breach(b)));
        m.put("breaches", list);
        return m;
    }

    static Map<String, Object> breach(Breach b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("breachId", b.breachId());
        m.put("conversationId", b.conversationId().value());
        m.put("clock", b.clock().type().name());
        m.put("deadline", Instants.format(b.deadline()));
        m.put("detectedAt", Instants.format(b.detectedAt()));
        m.put("clockStart", Instants.format(b.clock().start()));
        m.put("targetSeconds", b.clock().target().toMillis() / 1000.0);
        m.put("channel", b.clock().channel().name());
        m.put("urgent", b.clock().urgent());
        m.put("answeredAt", Instants.format(b.clock().answeredAt()));
        m.put("answeringAgentId", b.clock().answeringAgentId());
        m.put("responsibleAgentId", b.responsibleAgentId());
        m.put("policyVersion", b.clock().policyVersion());
        if (b.excuse() != null) {
            m.put("excuse", Map.of("reason", b.excuse().reason(), "by", b.excuse().by(), "at", Instants.format(b.excuse().at())));
        }
        return m;
    }

    static Map<String, Object> conversation(ShowConversation.View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("merchantId", v.conversation().merchant().value());
        m.put("conversationId", v.conversation().id().value());
        m.put("channel", v.conversation().channel().map(Enum::name).orElse(null));
        m.put("version", v.version());
        m.put("asOf", Instants.format(v.asOf()));
        m.put("humanClockStart", Instants.format(v.humanClockStart()));
        List<Map<String, Object>> events = new ArrayList<>();
        for (ConversationEvent e : v.conversation().events()) {
            Map<String, Object> entry = event(e);
            // R23: the message text, only where the merchant keeps texts and it has not expired
            putIf(entry, "text", v.texts().get(e.eventId()));
            events.add(entry);
        }
        m.put("timeline", events);
        List<Map<String, Object>> clocks = new ArrayList<>();
        for (ShowConversation.ClockView c : v.clocks()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("clock", c.clock().type().name());
            k.put("key", c.clock().key());
            k.put("start", Instants.format(c.clock().start()));
            k.put("startEventId", c.clock().startEventId());
            k.put("deadline", Instants.format(c.clock().deadline()));
            k.put("targetSeconds", c.clock().target().toMillis() / 1000.0);
            k.put("urgent", c.clock().urgent());
            k.put("outcome", c.status().name());
            k.put("answeredAt", Instants.format(c.clock().answeredAt()));
            k.put("answerEventId", c.clock().answerEventId());
            k.put("breachId", c.breachId());
            // the merchant's policy version that judged the clock: the one in force at its start
            k.put("policyVersion", c.clock().policyVersion());
            clocks.add(k);
        }
        m.put("clocks", clocks);
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Round r : v.rounds()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("start", Instants.format(r.start()));
            k.put("customerMessages", r.customerMessages());
            k.put("answeredAt", Instants.format(r.answeredAt()));
            k.put("withinThreeMinutes", r.isOpen() ? null
                    : !r.answeredAt().isAfter(r.start().plus(PlatformAssessment.ROUND_REPLY_LIMIT)));
            rounds.add(k);
        }
        m.put("rounds", rounds);
        Map<String, Object> units = new LinkedHashMap<>();
        for (Map.Entry<Cycle, CycleContribution> e : v.platformUnits().entrySet()) {
            CycleContribution c = e.getValue();
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("firstReplyMet", c.firstReplyMet());
            u.put("firstReplyLate", c.firstReplyLate());
            u.put("firstReplyOpenUntil", Instants.format(c.firstReplyOpenDeadline()));
            u.put("roundsMet", c.roundsMet());
            u.put("roundsLate", c.roundsLate());
            u.put("roundOpenUntil", Instants.format(c.roundOpenDeadline()));
            u.put("satisfied", c.satisfied());
            u.put("rated", c.rated());
            units.put(e.getKey().toString(), u);
        }
        m.put("platformUnits", units);
        return m;
    }

    /** A timeline entry: no customer id (only its pseudonym); text only as the caller adds it (R29). */
    private static Map<String, Object> event(ConversationEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("type", e.type().wireName());
        m.put("occurredAt", Instants.format(e.occurredAt()));
        putIf(m, "channel", e.channel() == null ? null : e.channel().name());
        putIf(m, "customer", e.customerRef());
        putIf(m, "agentId", e.agentId());
        putIf(m, "agentRole", e.agentRole() == null ? null : e.agentRole().name());
        putIf(m, "toAgentId", e.toAgentId());
        if (e.auto()) {
            m.put("auto", true);
        }
        putIf(m, "urgent", e.urgent());
        putIf(m, "complexity", e.complexity() == null ? null : e.complexity().name());
        putIf(m, "rating", e.rating());
        putIf(m, "category", e.category() == null ? null : e.category().name());
        if (e.suggestion() != null) {
            // R24: the subtype suggested from the message's text (the text itself is not kept)
            m.put("suggestedCategory", e.suggestion().category().name());
            m.put("suggestionConfidence", e.suggestion().confidence());
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
