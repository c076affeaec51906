package com.replyguard.notify;

import com.replyguard.discipline.Shifts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who hears of a notice. {@link #channels}: every channel a route takes it to, once each, in the
 * order of the merchant's channels. {@link #mentions}: the agent responsible on a warning
 * ({@code SlaAtRisk}), the team lead(s) of that agent's team at level 1 (every team lead when the
 * agent or team is unknown), the supervisor(s) from level 2 - among the configured people, those
 * on duty by the shift roster (R30), all of them when none is.
 */
public final class Routing {
    private Routing() {
    }

    /** The responsible agent's team, from the configured people (null: not known). */
    public static String teamOf(NotificationSettings settings, Notice notice) {
        if (notice instanceof AlertNotice a && a.responsibleAgentId() != null) {
            Person p = settings.people().get(a.responsibleAgentId());
            return p == null ? null : p.team();
        }
        return null;
    }

    public static List<String> channels(NotificationSettings settings, Notice notice) {
        String team = teamOf(settings, notice);
        Set<String> wanted = new LinkedHashSet<>();
        for (NotifyRoute r : settings.routes()) {
            if (r.takes(notice, team)) {
                wanted.addAll(r.channels());
            }
        }
        List<String> ordered = new ArrayList<>();
        for (NotifyChannel c : settings.channels()) {
            if (wanted.contains(c.id())) {
                ordered.add(c.id());
            }
        }
        return ordered;
    }

    public static List<Person> mentions(NotificationSettings settings, Notice notice, Shifts shifts) {
        if (!(notice instanceof AlertNotice a)) {
            return List.of();
        }
        if (a.level() == 0) {
            Person agent = a.responsibleAgentId() == null ? null : settings.people().get(a.responsibleAgentId());
            return agent == null ? List.of() : List.of(agent);
        }
        Person.Role role = a.level() == 1 ? Person.Role.TEAM_LEAD : Person.Role.SUPERVISOR;
        String team = a.level() == 1 ? teamOf(settings, a) : null;
        List<Person> candidates = new ArrayList<>();
        for (Person p : settings.people().values()) {
            if (p.role() == role && (team == null || team.equals(p.team()))) {
                candidates.add(p);
            }
        }
        List<Person> onDuty = candidates.stream().filter(p -> !shifts.offDuty(p.id(), a.dueAt())).toList();
        List<Person> chosen = new ArrayList<>(onDuty.isEmpty() ? candidates : onDuty);
        chosen.sort(Comparator.comparing(Person::id));
        return chosen;
    }
}
