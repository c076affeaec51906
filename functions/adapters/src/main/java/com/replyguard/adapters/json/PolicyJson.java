package com.replyguard.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.clock.BusinessCalendar;
import com.replyguard.clock.ClockType;
import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.UrgencyRules;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.discipline.Shifts;
import com.replyguard.merchant.AssessedHours;
import com.replyguard.merchant.PolicyVersion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A merchant policy in JSON (merchants file and, later, the policy API). Every field is optional
 * and overrides the contract's defaults; durations are ISO-8601 ({@code "PT30S"}) or seconds:
 * <pre>
 * {"targets": {"FIRST_REPLY": {"liveRoom": "PT30S", "elsewhere": 60, "liveRoomUrgent": "PT20S", "elsewhereUrgent": 30}},
 *  "warningShare": 0.8, "escalationDelays": ["PT0S", "PT2M", "PT5M"],
 *  "urgentTerms": ["少了赠品"], "urgentNegations": ["以为"]}
 * </pre>
 * A bad policy is refused with every problem listed.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    public record Parsed(SlaPolicy policy, UrgencyRules urgency, AssessedHours assessedHours, DisciplineRules discipline,
            Shifts shifts) {
    }

    /** A policy refused, with every problem (field path, then what is wrong). */
    public static final class Rejected extends IllegalArgumentException {
        private final List<String> problems;

        Rejected(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads a policy over the defaults, keeping {@code hours} unless the policy sets assessedHours. */
    public static Parsed read(JsonNode node, String at, AssessedHours hours) {
        Parsed p = read(node, at);
        return node.has("assessedHours") ? p : new Parsed(p.policy(), p.urgency(), hours, p.discipline(), p.shifts());
    }

    public static Parsed read(JsonNode node, String at) {
        List<String> problems = new ArrayList<>();
        Map<ClockType, SlaPolicy.Targets> targets = SlaPolicy.DEFAULT.targets();
        JsonNode t = node.path("targets");
        if (!t.isMissingNode() && !t.isObject()) {
            problems.add(at + ".targets must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ClockType clock;
            try {
                clock = ClockType.valueOf(e.getKey());
            } catch (IllegalArgumentException x) {
                problems.add(at + ".targets." + e.getKey() + " is not a clock (" + List.of(ClockType.values()) + ")");
                continue;
            }
            SlaPolicy.Targets base = targets.get(clock);
            String p = at + ".targets." + clock;
            Duration live = duration(e.getValue().get("liveRoom"), p + ".liveRoom", problems, base.liveRoom());
            Duration elsewhere = duration(e.getValue().get("elsewhere"), p + ".elsewhere", problems, base.elsewhere());
            Duration liveUrgent = duration(e.getValue().get("liveRoomUrgent"), p + ".liveRoomUrgent", problems, base.liveRoomUrgent());
            Duration elsewhereUrgent = duration(e.getValue().get("elsewhereUrgent"), p + ".elsewhereUrgent", problems,
                    base.elsewhereUrgent());
            if (live != null && elsewhere != null) {
                targets.put(clock, new SlaPolicy.Targets(live, elsewhere, liveUrgent, elsewhereUrgent));
            }
        }
        double share = SlaPolicy.DEFAULT.warningShare();
        if (node.has("warningShare")) {
            if (node.get("warningShare").isNumber()) {
                share = node.get("warningShare").asDouble();
            } else {
                problems.add(at + ".warningShare must be a number between 0 and 1");
            }
        }
        List<Duration> delays = SlaPolicy.DEFAULT.escalationDelays();
        if (node.has("escalationDelays")) {
            delays = new ArrayList<>();
            int i = 0;
            for (JsonNode d : node.get("escalationDelays")) {
                Duration v = duration(d, at + ".escalationDelays[" + i++ + "]", problems, null);
                if (v != null) {
                    delays.add(v);
                }
            }
        }
        AssessedHours hours = AssessedHours.PLATFORM_DEFAULT;
        if (node.has("assessedHours")) {
            try {
                hours = new AssessedHours(LocalTime.parse(node.path("assessedHours").path("from").asText()),
                        LocalTime.parse(node.path("assessedHours").path("to").asText()));
            } catch (DateTimeParseException e) {
                problems.add(at + ".assessedHours needs from and to as HH:mm (China time)");
            }
        }
        if (!node.isMissingNode() && !node.isObject()) {
            problems.add(at + " must be a JSON object");
        }
        List<String> terms = strings(node.path("urgentTerms"), at + ".urgentTerms", problems);
        List<String> negations = strings(node.path("urgentNegations"), at + ".urgentNegations", problems);
        if (problems.isEmpty()) {
            List<String> policyProblems = SlaPolicy.problems(targets, share, delays);
            policyProblems.forEach(p -> problems.add(at + "." + p));
        }
        BusinessCalendar calendar = BusinessCalendar.ALWAYS_OPEN;
        Set<ClockType> paused = EnumSet.noneOf(ClockType.class);
        JsonNode bh = node.path("businessHours");
        if (!bh.isMissingNode()) {
            String b = at + ".businessHours";
            for (String clockName : strings(bh.path("pausedClocks"), b + ".pausedClocks", problems)) {
                try {
                    paused.add(ClockType.valueOf(clockName));
                } catch (IllegalArgumentException e) {
                    problems.add(b + ".pausedClocks has '" + clockName + "', not a clock");
                }
            }
            Map<DayOfWeek, List<BusinessCalendar.Window>> weekly = new EnumMap<>(DayOfWeek.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = bh.path("weekly").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> day = it.next();
                try {
                    weekly.put(DayOfWeek.valueOf(day.getKey()),
                            BusinessCalendar.windowsOf(strings(day.getValue(), b + ".weekly." + day.getKey(), problems)));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problems.add(b + ".weekly." + day.getKey() + " needs a weekday name (MONDAY...) and windows like 09:00-18:00");
                }
            }
            Set<LocalDate> holidays = dates(bh.path("holidays"), b + ".holidays", problems);
            Set<LocalDate> workdays = dates(bh.path("workdays"), b + ".workdays", problems);
            DayOfWeek template = DayOfWeek.MONDAY;
            if (bh.has("workdayTemplate")) {
                try {
                    template = DayOfWeek.valueOf(bh.path("workdayTemplate").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(b + ".workdayTemplate must be a weekday name (MONDAY...)");
                }
            }
            try {
                calendar = new BusinessCalendar(weekly, holidays, workdays, template);
            } catch (IllegalArgumentException e) {
                problems.add(b + ".weekly " + e.getMessage());
            }
        }
        DisciplineRules discipline = DisciplineRules.DEFAULT;
        JsonNode d = node.path("discipline");
        if (!d.isMissingNode()) {
            try {
                discipline = new DisciplineRules(d.path("deductFrom").asInt(discipline.deductFrom()),
                        d.path("dismissalReviewAt").asInt(discipline.dismissalReviewAt()),
                        d.path("startPoints").asInt(discipline.startPoints()),
                        d.path("pointsPerTimeout").asInt(discipline.pointsPerTimeout()),
                        d.path("pointsPerSlowComplaint").asInt(discipline.pointsPerSlowComplaint()));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".discipline " + e.getMessage());
            }
        }
        List<Shifts.Shift> shifts = new ArrayList<>();
        int si = 0;
        for (JsonNode sh : node.path("shifts")) {
            String f = at + ".shifts[" + si++ + "]";
            try {
                String to = sh.path("to").asText();
                shifts.add(new Shifts.Shift(sh.path("name").asText(f), LocalTime.parse(sh.path("from").asText()),
                        "24:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to),
                        new HashSet<>(strings(sh.path("agents"), f + ".agents", problems)),
                        strings(sh.path("supervisors"), f + ".supervisors", problems)));
            } catch (DateTimeParseException e) {
                problems.add(f + " needs from and to as HH:mm (China time; to may be 24:00)");
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return new Parsed(new SlaPolicy(targets, share, delays, calendar, paused),
                UrgencyRules.DEFAULT.extendedWith(terms, negations), hours, discipline, new Shifts(shifts));
    }

    private static Duration duration(JsonNode n, String field, List<String> problems, Duration otherwise) {
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (n.isNumber()) {
            return Duration.ofMillis(Math.round(n.asDouble() * 1000));
        }
        try {
            return Duration.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(field + " must be seconds or an ISO-8601 duration like PT30S (got " + n + ")");
            return otherwise;
        }
    }

    private static Set<LocalDate> dates(JsonNode n, String field, List<String> problems) {
        Set<LocalDate> out = new TreeSet<>();
        for (String d : strings(n, field, problems)) {
            try {
                out.add(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                problems.add(field + " has '" + d + "', not a date like 2026-10-01");
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (n.isMissingNode()) {
            return out;
        }
        if (!n.isArray()) {
            problems.add(field + " must be an array of strings");
            return out;
        }
        for (JsonNode s : n) {
            if (s.isTextual() && !s.asText().isBlank()) {
                out.add(s.asText());
            } else {
                problems.add(field + " must hold non-empty strings");
            }
        }
        return out;
    }

    /**
     * One policy version as JSON: its number, when it took effect (null for version 0, the configured
     * policy) and every field explicit (what GET /policy answers for the current version).
     */
    public static Map<String, Object> write(PolicyVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.number());
        m.put("effectiveFrom", Instants.format(v.effectiveFrom()));
        m.putAll(write(v.sla(), v.urgency(), v.assessedHours(), v.discipline(), v.shifts()));
        return m;
    }

    /** The policy as JSON, every field explicit. */
    public static Map<String, Object> write(SlaPolicy p, UrgencyRules urgency, AssessedHours hours, DisciplineRules d,
            Shifts shifts) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> targets = new LinkedHashMap<>();
        p.targets().forEach((clock, t) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("liveRoom", t.liveRoom().toString());
            v.put("elsewhere", t.elsewhere().toString());
            v.put("liveRoomUrgent", t.liveRoomUrgent() == null ? null : t.liveRoomUrgent().toString());
            v.put("elsewhereUrgent", t.elsewhereUrgent() == null ? null : t.elsewhereUrgent().toString());
            targets.put(clock.name(), v);
        });
        m.put("targets", targets);
        m.put("warningShare", p.warningShare());
        m.put("escalationDelays", p.escalationDelays().stream().map(Duration::toString).toList());
        m.put("urgentTerms", urgency.terms().subList(UrgencyRules.DEFAULT_TERMS.size(), urgency.terms().size()));
        m.put("urgentNegations", urgency.negations().subList(UrgencyRules.DEFAULT_NEGATIONS.size(), urgency.negations().size()));
        m.put("assessedHours", Map.of("from", hours.from().toString(), "to", hours.to().toString()));
        if (!p.pausedOutOfHours().isEmpty()) {
            BusinessCalendar c = p.businessHours();
            Map<String, Object> bh = new LinkedHashMap<>();
            bh.put("pausedClocks", p.pausedOutOfHours().stream().map(Enum::name).toList());
            Map<String, Object> weekly = new LinkedHashMap<>();
            c.weekly().forEach((day, windows) -> weekly.put(day.name(), windows.stream()
                    .map(w -> w.from() + "-" + (w.to().equals(LocalTime.MIDNIGHT) ? "24:00" : w.to().toString())).toList()));
            bh.put("weekly", weekly);
            bh.put("holidays", c.holidays().stream().map(Object::toString).toList());
            bh.put("workdays", c.workdays().stream().map(Object::toString).toList());
            bh.put("workdayTemplate", c.workdayTemplate().name());
            m.put("businessHours", bh);
        }
        Map<String, Object> discipline = new LinkedHashMap<>();
        discipline.put("deductFrom", d.deductFrom());
        discipline.put("dismissalReviewAt", d.dismissalReviewAt());
        discipline.put("startPoints", d.startPoints());
        discipline.put("pointsPerTimeout", d.pointsPerTimeout());
        discipline.put("pointsPerSlowComplaint", d.pointsPerSlowComplaint());
        m.put("discipline", discipline);
        List<Map<String, Object>> roster = new ArrayList<>();
        for (Shifts.Shift s : shifts.shifts()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", s.name());
            v.put("from", s.from().toString());
            v.put("to", s.to().equals(LocalTime.MIDNIGHT) ? "24:00" : s.to().toString());
            v.put("agents", new TreeSet<>(s.agents()));
            v.put("supervisors", s.supervisors());
            roster.add(v);
        }
        m.put("shifts", roster);
        return m;
    }
}
