package com.replyguard.managerapi;

import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.merchant.Manager;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code GET /merchants/{m}/me}: who the caller is, as this API sees them (the console shows only
 * what the role may do) - merchant, role, a team lead's agents, whether the role may change anything.
 */
final class MeRoute {
    private MeRoute() {
    }

    record Me(String merchantId, String role, SortedSet<String> team, boolean mayChange) {
        static Me of(Manager m) {
            return new Me(m.merchant().value(), m.role().name(), new TreeSet<>(m.team()), m.mayChange());
        }
    }

    static Route route() {
        return call -> ApiResponses.json(200, Me.of(call.caller()));
    }
}
