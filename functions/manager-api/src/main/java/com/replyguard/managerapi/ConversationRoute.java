package com.replyguard.managerapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.replyguard.adapters.http.ApiResponses;
import com.replyguard.adapters.json.Instants;
import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.Round;
import com.replyguard.usecase.ListAlerts;
import com.replyguard.usecase.ShowConversation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /merchants/{m}/conversations/{conversationId}}: a conversation's timeline - its events
 * (the customer only as a keyed hash; text only where the merchant keeps texts, R23), its clocks with
 * their outcome, its rounds, its platform units per cycle and its alerts, and whether it is held waiting
 * for its channel. Asked by its own id or, for 抖音 and 抖店, by the platform's id without our prefix
 * ({@link ShowConversation#find}); 404 when there is none.
 */
final class ConversationRoute implements Route {
    private final ShowConversation conversations;
    private final ListAlerts alerts;

    ConversationRoute(ShowConversation conversations, ListAlerts alerts) {
        this.conversations = conversations;
        this.alerts = alerts;
    }

    /** A timeline entry: what the event carries, nothing it does not (absent fields are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(String eventId, String type, String occurredAt, String channel, String customer, String agentId, String agentRole,
            String toAgentId, Boolean auto, Boolean urgent, String complexity, Integer rating, String category,
            String suggestedCategory, Integer suggestionConfidence, String text) {
        static Event of(ConversationEvent e, String text) {
            return new Event(e.eventId(), e.type().wireName(), Instants.format(e.occurredAt()), name(e.channel()), e.customerRef(),
                    e.agentId(), name(e.agentRole()), e.toAgentId(), e.auto() ? Boolean.TRUE : null, e.urgent(), name(e.complexity()),
                    e.rating(), name(e.category()), e.suggestion() == null ? null : e.suggestion().category().name(),
                    e.suggestion() == null ? null : e.suggestion().confidence(), text);
        }
    }

    /** A clock with its outcome as of the answer and the policy version that judged it (the one in force at its start). */
    record Clock(String clock, String key, String start, String startEventId, String deadline, double targetSeconds, boolean urgent,
            String outcome, String answeredAt, String answerEventId, String breachId, int policyVersion) {
        static Clock of(ShowConversation.ClockView v) {
            var c = v.clock();
            return new Clock(c.type().name(), c.key(), Instants.format(c.start()), c.startEventId(), Instants.format(c.deadline()),
                    c.targetSeconds(), c.urgent(), v.status().name(), Instants.format(c.answeredAt()), c.answerEventId(), v.breachId(),
                    c.policyVersion());
        }
    }

    /** R14: a round and whether it was answered within the platform's limit (null while open). */
    record RoundItem(String start, int customerMessages, String answeredAt, Boolean withinThreeMinutes) {
        static RoundItem of(Round r) {
            return new RoundItem(Instants.format(r.start()), r.customerMessages(), Instants.format(r.answeredAt()),
                    PlatformAssessment.roundMet(r));
        }
    }

    /** The conversation's platform units in one cycle (R13-R15). */
    record Units(int firstReplyMet, int firstReplyLate, String firstReplyOpenUntil, int roundsMet, int roundsLate,
            String roundOpenUntil, int satisfied, int rated) {
        static Units of(CycleContribution c) {
            return new Units(c.firstReplyMet(), c.firstReplyLate(), Instants.format(c.firstReplyOpenDeadline()), c.roundsMet(),
                    c.roundsLate(), Instants.format(c.roundOpenDeadline()), c.satisfied(), c.rated());
        }
    }

    /** {@code held}: no event has named the channel yet - no clock runs until one does (decision 0003). */
    record Answer(String merchantId, String conversationId, String channel, boolean held, long version, String asOf,
            String humanClockStart, List<Event> timeline, List<Clock> clocks, List<RoundItem> rounds, Map<String, Units> platformUnits,
            List<AlertItem> alerts) {
    }

    @Override
    public APIGatewayV2HTTPResponse answer(Call call) {
        String asked = RouteParameters.id(call.request(), "conversationId");
        return conversations.find(call.merchant(), asked)
                .map(view -> ApiResponses.json(200, answer(view, AlertItem.of(alerts.ofConversation(call.merchant().id(),
                        view.conversation().id().value())))))
                .orElseGet(() -> ApiResponses.error(404, "no conversation '" + asked + "' for merchant '" + call.merchantId() + "'"));
    }

    static Answer answer(ShowConversation.View v, List<AlertItem> alerts) {
        Map<String, Units> units = new LinkedHashMap<>();
        for (Map.Entry<Cycle, CycleContribution> e : v.platformUnits().entrySet()) {
            units.put(e.getKey().toString(), Units.of(e.getValue()));
        }
        var c = v.conversation();
        return new Answer(c.merchant().value(), c.id().value(), c.channel().map(Enum::name).orElse(null), v.held(), v.version(),
                Instants.format(v.asOf()), Instants.format(v.humanClockStart()),
                c.events().stream().map(e -> Event.of(e, v.texts().get(e.eventId()))).toList(),
                v.clocks().stream().map(Clock::of).toList(), v.rounds().stream().map(RoundItem::of).toList(), units, alerts);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
