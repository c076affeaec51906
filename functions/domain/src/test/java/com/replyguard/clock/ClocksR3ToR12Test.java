package com.replyguard.clock;

import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.testing.Policies;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One story per clock of R3-R12 (docs/clocks.md), at the contract's default targets. */
class ClocksR3ToR12Test {
    private static final Instant LATER = at("2026-10-04T12:00:00");

    private static ConversationEvent viewer(String id, String time, Channel ch, Complexity cx) {
        return event(id, EventType.CUSTOMER_MESSAGE, "c1", "2026-10-03T" + time).channel(ch).customerRef("c_x")
                .complexity(cx).build();
    }

    private static ConversationEvent said(String id, String time, String agent, AgentRole role) {
        return event(id, EventType.AGENT_MESSAGE, "c1", "2026-10-03T" + time).agentId(agent).agentRole(role).build();
    }

    private static ConversationEvent act(String id, EventType type, String time, String agent, AgentRole role) {
        return event(id, type, "c1", "2026-10-03T" + time).agentId(agent).agentRole(role).build();
    }

    private static Map<String, SlaClock> clocks(Instant now, ConversationEvent... events) {
        return ClockRules.of(Conversation.of(DEMO, new ConversationId("c1"), List.of(events)), SlaPolicy.DEFAULT).stream()
                .collect(Collectors.toMap(SlaClock::key, k -> k, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void r3_r4_r5_r6_r7_aComplexLiveRoomQuestion_handedToCustomerService() {
        // 20:00:00 a viewer asks something the host cannot answer; 20:00:45 the host hands it off (R3: 60 s, met);
        // 20:02:10 the assistant comments (does not count for R4); 20:02:50 customer service contacts the viewer
        // (R4: 120 s after the handoff at 20:00:45 -> deadline 20:02:45: 5 s late)
        Map<String, SlaClock> k = clocks(LATER,
                viewer("m1", "20:00:00", Channel.LIVE_COMMENT, Complexity.COMPLEX),
                said("h1", "20:00:20", "host-li", AgentRole.HOST),
                act("ho", EventType.HANDOFF, "20:00:45", "host-li", AgentRole.HOST),
                said("a1", "20:02:10", "assistant-wang", AgentRole.ASSISTANT),
                said("p1", "20:02:50", "presales-zhang", AgentRole.PRESALES),
                // R6: progress every 5 min from that contact: 20:06:00 (met), then silence until 20:20:00 (one breach)
                said("p2", "20:06:00", "presales-zhang", AgentRole.PRESALES),
                said("p3", "20:20:00", "presales-zhang", AgentRole.PRESALES),
                // R5: the solution 10 min after the question -> deadline 20:10:00; resolved 20:21:00: late
                act("r1", EventType.RESOLVED, "20:21:00", "presales-zhang", AgentRole.PRESALES),
                // R7: "anything else?" within 60 s of resolving: 20:21:40, met
                said("p4", "20:21:40", "presales-zhang", AgentRole.PRESALES));
        assertEquals(ClockStatus.MET, k.get("FIRST_REPLY").statusAt(LATER));
        assertEquals(Duration.ofSeconds(60), k.get("HANDOFF").target());
        assertEquals(ClockStatus.MET, k.get("HANDOFF").statusAt(LATER));
        SlaClock pickup = k.get("HANDOFF_PICKUP");
        assertEquals(at("2026-10-03T20:02:45"), pickup.deadline());
        assertEquals("p1", pickup.answerEventId(), "the assistant's comment is not customer service's contact");
        assertEquals(ClockStatus.BREACHED, pickup.statusAt(LATER));
        assertEquals(Duration.ofMinutes(10), k.get("RESOLUTION").target());
        assertEquals(ClockStatus.BREACHED, k.get("RESOLUTION").statusAt(LATER));
        List<SlaClock> progress = k.values().stream().filter(c -> c.type() == ClockType.PROGRESS_UPDATE).toList();
        assertEquals(3, progress.size(), progress.toString());
        assertEquals(ClockStatus.MET, progress.get(0).statusAt(LATER));
        assertEquals(at("2026-10-03T20:11:00"), progress.get(1).deadline());
        assertEquals(ClockStatus.BREACHED, progress.get(1).statusAt(LATER), "14 min of silence: one breach");
        assertEquals("r1", progress.get(2).answerEventId(), "the resolution answers the last link");
        assertEquals(ClockStatus.MET, k.get("CLOSING_FOLLOW_UP").statusAt(LATER));
    }

    @Test
    void r3_aSimpleLiveRoomQuestion_hasNoHandoffResolutionOrProgressClock() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "20:00:00", Channel.LIVE_COMMENT, null),
                said("h1", "20:00:10", "host-li", AgentRole.HOST));
        assertEquals(List.of("FIRST_REPLY"), List.copyOf(k.keySet()));
    }

    @Test
    void r3_aComplexQuestionNeverHandedOff_breachesItsHandoffClock() {
        Map<String, SlaClock> k = clocks(at("2026-10-03T20:01:01"),
                viewer("m1", "20:00:00", Channel.LIVE_COMMENT, Complexity.COMPLEX),
                said("h1", "20:00:10", "host-li", AgentRole.HOST));
        assertEquals(ClockStatus.BREACHED, k.get("HANDOFF").statusAt(at("2026-10-03T20:01:01")));
        assertEquals(ClockStatus.RUNNING, k.get("RESOLUTION").statusAt(at("2026-10-03T20:01:01")));
    }

    @Test
    void r10_eachLaterRound_getsANextReplyClockOf3Minutes() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:30", "presales-zhang", AgentRole.PRESALES),
                viewer("m2", "10:05:00", Channel.CS_CHAT, null), viewer("m3", "10:06:00", Channel.CS_CHAT, null),
                said("a2", "10:08:01", "presales-zhang", AgentRole.PRESALES),
                viewer("m4", "10:20:00", Channel.CS_CHAT, null));
        SlaClock second = k.get("NEXT_REPLY@m2");
        assertEquals(Duration.ofSeconds(180), second.target());
        assertEquals(ClockStatus.BREACHED, second.statusAt(LATER), "181 s");
        assertEquals(ClockStatus.RUNNING, k.get("NEXT_REPLY@m4").statusAt(at("2026-10-03T10:22:00")));
        assertEquals(3, k.size());
    }

    @Test
    void r11_aComplexChatCase_owesASolutionIn30Minutes_andProgressEvery10OnceLate() {
        Instant t = at("2026-10-03T11:00:00");
        Map<String, SlaClock> k = clocks(t, viewer("m1", "10:00:00", Channel.CS_CHAT, Complexity.COMPLEX),
                said("a1", "10:00:30", "aftersales-zhao", AgentRole.AFTERSALES),
                said("a2", "10:35:00", "aftersales-zhao", AgentRole.AFTERSALES));
        assertEquals(Duration.ofMinutes(30), k.get("RESOLUTION").target());
        List<SlaClock> progress = k.values().stream().filter(c -> c.type() == ClockType.PROGRESS_UPDATE).toList();
        // the first link starts when the solution is late (10:30) and was met by the 10:35 update; the next runs from 10:35
        assertEquals(at("2026-10-03T10:40:00"), progress.get(0).deadline());
        assertEquals(ClockStatus.MET, progress.get(0).statusAt(t));
        assertEquals(at("2026-10-03T10:45:00"), progress.get(1).deadline());
        assertEquals(ClockStatus.BREACHED, progress.get(1).statusAt(t));
        assertEquals(2, progress.size(), "a silence is one breach, not one per 10 minutes");
    }

    @Test
    void r11_solvedInTime_owesNoProgressUpdates() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, Complexity.COMPLEX),
                said("a1", "10:00:30", "aftersales-zhao", AgentRole.AFTERSALES),
                act("r1", EventType.RESOLVED, "10:25:00", "aftersales-zhao", AgentRole.AFTERSALES),
                said("a2", "10:25:20", "aftersales-zhao", AgentRole.AFTERSALES));
        assertTrue(k.values().stream().noneMatch(c -> c.type() == ClockType.PROGRESS_UPDATE));
        assertEquals(ClockStatus.MET, k.get("RESOLUTION").statusAt(LATER));
    }

    @Test
    void r12_anEscalation_owesASuperiorsGuidanceIn5Minutes() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                act("e1", EventType.ESCALATED, "10:03:00", "presales-zhang", AgentRole.PRESALES),
                said("a2", "10:05:00", "presales-zhang", AgentRole.PRESALES),
                said("s1", "10:07:30", "lead-sun", AgentRole.TEAM_LEAD));
        SlaClock guidance = k.get("SUPERVISOR_GUIDANCE");
        assertEquals(Duration.ofMinutes(5), guidance.target());
        assertEquals("s1", guidance.answerEventId(), "the agent's own message is not guidance");
        assertEquals(ClockStatus.MET, guidance.statusAt(LATER));
        assertTrue(k.containsKey("RESOLUTION"), "an escalated case is complex (R11)");
    }

    @Test
    void r7_noFollowUpAfterResolving_breachesAfter60Seconds() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                act("r1", EventType.RESOLVED, "10:02:00", "presales-zhang", AgentRole.PRESALES));
        assertEquals(ClockStatus.BREACHED, k.get("CLOSING_FOLLOW_UP").statusAt(at("2026-10-03T10:03:00.001")));
        assertNull(k.get("CLOSING_FOLLOW_UP").answeredAt());
    }

    @Test
    void r7_isAnObligationToAsk_closingSoonAfterResolvingDoesNotDodgeIt() {
        // resolved 10:02:00, closed 30 s later without asking "anything else?": still owed, breached at 10:03:00.001
        Map<String, SlaClock> dodged = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                act("r1", EventType.RESOLVED, "10:02:00", "presales-zhang", AgentRole.PRESALES),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:02:30").build());
        assertEquals(ClockStatus.BREACHED, dodged.get("CLOSING_FOLLOW_UP").statusAt(LATER), dodged.keySet().toString());
        // asked within the minute, then closed: met
        Map<String, SlaClock> asked = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                act("r1", EventType.RESOLVED, "10:02:00", "presales-zhang", AgentRole.PRESALES),
                said("a2", "10:02:25", "presales-zhang", AgentRole.PRESALES),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:02:30").build());
        assertEquals(ClockStatus.MET, asked.get("CLOSING_FOLLOW_UP").statusAt(LATER));
        // asked exactly 60 s after resolving (at most the target after the start): met; a bot does not ask
        Map<String, SlaClock> boundary = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                act("r1", EventType.RESOLVED, "10:02:00", "presales-zhang", AgentRole.PRESALES),
                event("b", EventType.AGENT_MESSAGE, "c1", "2026-10-03T10:02:10").agentId("bot").auto(true).build(),
                said("a2", "10:03:00", "presales-zhang", AgentRole.PRESALES),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:03:00").build());
        assertEquals(ClockStatus.MET, boundary.get("CLOSING_FOLLOW_UP").statusAt(LATER));
        assertEquals("a2", boundary.get("CLOSING_FOLLOW_UP").answerEventId());
    }

    @Test
    void aCloseAtADeadline_cancelsThatClock_forItWasNotYetMissed() {
        // the second round starts 10:01:00 (deadline 10:04:00); the close comes at exactly 10:04:00
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                viewer("m2", "10:01:00", Channel.CS_CHAT, null),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:04:00").build());
        assertTrue(!k.containsKey("NEXT_REPLY@m2"), k.keySet().toString());
        Map<String, SlaClock> after = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                viewer("m2", "10:01:00", Channel.CS_CHAT, null),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:04:00.001").build());
        assertEquals(ClockStatus.BREACHED, after.get("NEXT_REPLY@m2").statusAt(LATER), "missed a millisecond before the close");
    }

    @Test
    void closing_cancelsEveryClockStillRunning_butKeepsThoseAlreadyMissed() {
        Map<String, SlaClock> k = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, Complexity.COMPLEX),
                said("a1", "10:00:20", "presales-zhang", AgentRole.PRESALES),
                viewer("m2", "10:01:00", Channel.CS_CHAT, null),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:02:00").build());
        assertTrue(k.containsKey("FIRST_REPLY"));
        assertTrue(!k.containsKey("NEXT_REPLY@m2") && !k.containsKey("RESOLUTION"), k.keySet().toString());
        Map<String, SlaClock> late = clocks(LATER, viewer("m1", "10:00:00", Channel.CS_CHAT, null),
                event("x", EventType.CLOSED, "c1", "2026-10-03T10:05:00").build());
        assertEquals(ClockStatus.BREACHED, late.get("FIRST_REPLY").statusAt(LATER), "missed before the close");
    }

    @Test
    void policy_changesTargets_perClockChannelAndUrgency() {
        SlaPolicy p = Policies.withTarget(SlaPolicy.DEFAULT, ClockType.FIRST_REPLY,
                new SlaPolicy.Targets(Duration.ofSeconds(20), Duration.ofSeconds(45), Duration.ofSeconds(10), null));
        assertEquals(Duration.ofSeconds(20), p.target(ClockType.FIRST_REPLY, Channel.LIVE_COMMENT, false));
        assertEquals(Duration.ofSeconds(10), p.target(ClockType.FIRST_REPLY, Channel.LIVE_COMMENT, true));
        assertEquals(Duration.ofSeconds(45), p.target(ClockType.FIRST_REPLY, Channel.CS_CHAT, true), "no urgent variant: normal");
        assertEquals(Duration.ofMinutes(30), p.target(ClockType.RESOLUTION, Channel.EMAIL, false));
    }

    @Test
    void policy_refusesABadLadderOrTarget_listingEveryProblem() {
        IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class,
                () -> Policies.withLadder(SlaPolicy.DEFAULT, 1.2, List.of(Duration.ofMinutes(1), Duration.ZERO)));
        assertTrue(e.getMessage().contains("warningShare"), e.getMessage());
        assertTrue(e.getMessage().contains("escalationDelays[0] must be 0"), e.getMessage());
        assertTrue(e.getMessage().contains("escalationDelays[1]"), e.getMessage());
    }
}
