package com.replyguard.usecase;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.PlatformAssessment;
import com.replyguard.breach.Breach;
import com.replyguard.clock.ClockRules;
import com.replyguard.clock.ClockStatus;
import com.replyguard.clock.SlaClock;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.Round;
import com.replyguard.merchant.Merchant;
import com.replyguard.ports.ConversationStore;
import com.replyguard.ports.MessageTexts;
import com.replyguard.ports.StoredConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Use case: a manager opens one conversation: its timeline, each clock's outcome, its rounds. */
public final class ShowConversation {
    private final ConversationStore conversations;
    private final Clock clock;

    private final MessageTexts texts;

    public ShowConversation(ConversationStore conversations, Clock clock) {
        this(conversations, MessageTexts.NONE, clock);
    }

    public ShowConversation(ConversationStore conversations, MessageTexts texts, Clock clock) {
        this.conversations = conversations;
        this.texts = texts;
        this.clock = clock;
    }

    /** A clock with its outcome as of {@code asOf}; {@code breachId} names its breach if breached. */
    public record ClockView(SlaClock clock, ClockStatus status, String breachId) {
    }

    public record View(Conversation conversation, long version, Instant asOf, Instant humanClockStart,
            List<ClockView> clocks, List<Round> rounds, Map<Cycle, CycleContribution> platformUnits,
            Map<String, String> texts) {

        /** Held (decision 0003): no event has named the channel yet, so no clock runs and no breach can warn anyone. */
        public boolean held() {
            return conversation.channel().isEmpty();
        }
    }

    /**
     * The conversation {@code asked} names: its own id, else the 抖音 or 抖店 conversation with that
     * platform id ({@link ConversationId#lookup}).
     */
    public Optional<View> find(Merchant merchant, String asked) {
        for (ConversationId id : ConversationId.lookup(asked)) {
            Optional<View> v = show(merchant, id);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    public Optional<View> show(Merchant merchant, ConversationId id) {
        Instant now = clock.instant();
        Optional<StoredConversation> stored = conversations.load(merchant.id(), id);
        return stored.map(s -> {
            Conversation c = s.conversation();
            List<ClockView> clocks = ClockRules.of(c, merchant.policies().sla()).stream().map(k -> {
                ClockStatus status = k.statusAt(now);
                return new ClockView(k, status, status == ClockStatus.BREACHED ? Breach.idOf(id, k.key()) : null);
            }).toList();
            return new View(c, s.version(), now, c.humanClockStart().orElse(null), clocks, c.rounds(),
                    PlatformAssessment.of(c, t -> merchant.policies().at(t).assessedHours()),
                    merchant.textRetention().isPresent() ? texts.of(merchant.id(), id, now) : Map.of());
        });
    }
}
