package com.replyguard.assessment;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.EventType;
import com.replyguard.conversation.Round;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * R18, R22: one conversation's response times for the operations report, counted in the cycle of
 * its human clock start, on every channel and at every hour (the platform's filters do not apply):
 * the first human reply's delay after the human clock start; its rounds (R14 rounds), how many were
 * answered, and their reply times each capped at 10 minutes (the industry's rule, e.g. Taobao's
 * 旺旺人工平响); an unanswered round counts 10 minutes once 10 minutes have passed
 * ({@code openRoundStart}, read at report time).
 */
public record ResponseTimes(Cycle cycle, Channel channel, Long firstResponseMillis, int rounds, int roundsAnswered,
        long cappedReplyMillis, Instant openRoundStart, Map<String, AgentShare> byAgent) {

    /**
     * One agent's part of a conversation (scorecards, R19): the first response if they gave it, the
     * rounds they answered with their capped reply time, and the rating if they served last before it.
     */
    public record AgentShare(Long firstResponseMillis, int roundsAnswered, long cappedReplyMillis, int rated, int satisfied) {
    }

    /** An agent's shares added up over conversations, with the averages scorecards and awards read. */
    public static final class AgentTotals {
        private int firstResponses;
        private long firstResponseMillis;
        private int roundsAnswered;
        private long roundMillis;
        private int rated;
        private int satisfied;

        public AgentTotals add(AgentShare a) {
            if (a.firstResponseMillis() != null) {
                firstResponses++;
                firstResponseMillis += a.firstResponseMillis();
            }
            roundsAnswered += a.roundsAnswered();
            roundMillis += a.cappedReplyMillis();
            rated += a.rated();
            satisfied += a.satisfied();
            return this;
        }

        public int firstResponses() {
            return firstResponses;
        }

        public Double averageFirstResponseSeconds() {
            return firstResponses == 0 ? null : firstResponseMillis / 1000.0 / firstResponses;
        }

        public int roundsAnswered() {
            return roundsAnswered;
        }

        public Double averageRoundReplySeconds() {
            return roundsAnswered == 0 ? null : roundMillis / 1000.0 / roundsAnswered;
        }

        public int rated() {
            return rated;
        }

        /** Share of 4-5 star ratings; null without any rating. */
        public Double satisfaction() {
            return rated == 0 ? null : (double) satisfied / rated;
        }
    }

    public ResponseTimes {
        byAgent = byAgent == null ? Map.of() : Map.copyOf(byAgent);
    }

    public ResponseTimes(Cycle cycle, Channel channel, Long firstResponseMillis, int rounds, int roundsAnswered,
            long cappedReplyMillis, Instant openRoundStart) {
        this(cycle, channel, firstResponseMillis, rounds, roundsAnswered, cappedReplyMillis, openRoundStart, Map.of());
    }

    public static final Duration ROUND_CAP = Duration.ofMinutes(10);

    public static Optional<ResponseTimes> of(Conversation c) {
        Optional<Instant> hcs = c.humanClockStart();
        if (hcs.isEmpty() || c.channel().isEmpty()) {
            return Optional.empty();
        }
        Optional<ConversationEvent> firstReply = c.firstHumanReplyAtOrAfter(hcs.get());
        Long first = firstReply.map(ConversationEvent::occurredAt).map(t -> Duration.between(hcs.get(), t).toMillis()).orElse(null);
        Map<String, long[]> agents = new TreeMap<>(); // first, hasFirst, rounds, millis, rated, satisfied
        firstReply.filter(e -> e.agentId() != null).ifPresent(e -> {
            long[] a = agents.computeIfAbsent(e.agentId(), k -> new long[6]);
            a[0] = first;
            a[1] = 1;
        });
        List<Round> rounds = c.rounds();
        int answered = 0;
        long capped = 0;
        Instant open = null;
        for (Round r : rounds) {
            if (r.isOpen()) {
                open = r.start();
            } else {
                answered++;
                long t = Math.min(ROUND_CAP.toMillis(), Duration.between(r.start(), r.answeredAt()).toMillis());
                capped += t;
                if (r.answeringAgentId() != null) {
                    long[] a = agents.computeIfAbsent(r.answeringAgentId(), k -> new long[6]);
                    a[2]++;
                    a[3] += t;
                }
            }
        }
        Optional<ConversationEvent> rating = c.events().stream()
                .filter(e -> e.type() == EventType.RATED).reduce((x, y) -> y);
        if (rating.isPresent()) {
            String server = null;
            for (ConversationEvent e : c.events()) {
                if (e.isHumanReply() && !e.occurredAt().isAfter(rating.get().occurredAt())) {
                    server = e.agentId();
                }
            }
            if (server != null) {
                long[] a = agents.computeIfAbsent(server, k -> new long[6]);
                a[4] = 1;
                a[5] = rating.get().rating() >= 4 ? 1 : 0;
            }
        }
        Map<String, AgentShare> byAgent = new TreeMap<>();
        agents.forEach((id, a) -> byAgent.put(id, new AgentShare(a[1] == 1 ? a[0] : null, (int) a[2], a[3], (int) a[4], (int) a[5])));
        return Optional.of(new ResponseTimes(Cycle.containing(hcs.get()), c.channel().get(), first, rounds.size(), answered,
                capped, open, byAgent));
    }

    /** Sums per channel, read at an instant: averages in seconds, reply rate (R18: replied / received). */
    public static final class Tally {
        private final Instant asOf;
        private long conversations;
        private long firstReplies;
        private long firstReplyMillis;
        private long rounds;
        private long roundsAnswered;
        private long roundsTimed;
        private long roundMillis;

        public Tally(Instant asOf) {
            this.asOf = asOf;
        }

        public Tally add(ResponseTimes t) {
            conversations++;
            if (t.firstResponseMillis() != null) {
                firstReplies++;
                firstReplyMillis += t.firstResponseMillis();
            }
            rounds += t.rounds();
            roundsAnswered += t.roundsAnswered();
            roundsTimed += t.roundsAnswered();
            roundMillis += t.cappedReplyMillis();
            if (t.openRoundStart() != null && asOf.isAfter(t.openRoundStart().plus(ROUND_CAP))) {
                roundsTimed++;
                roundMillis += ROUND_CAP.toMillis();
            }
            return this;
        }

        public long conversations() {
            return conversations;
        }

        /** Average first-response time in seconds over conversations with a human reply; null without any. */
        public Double averageFirstResponseSeconds() {
            return firstReplies == 0 ? null : firstReplyMillis / 1000.0 / firstReplies;
        }

        /** Average reply time per round in seconds, each capped at 10 min, unanswered ones at 10 min once due. */
        public Double averageRoundReplySeconds() {
            return roundsTimed == 0 ? null : roundMillis / 1000.0 / roundsTimed;
        }

        /** Rounds answered / rounds received (R18: should be 100%). */
        public Double replyRate() {
            return rounds == 0 ? null : (double) roundsAnswered / rounds;
        }

        public long rounds() {
            return rounds;
        }
    }
}
