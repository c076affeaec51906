package com.replyguard.assessment;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.agent;
import static com.replyguard.testing.Events.at;
import static com.replyguard.testing.Events.bot;
import static com.replyguard.testing.Events.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R18, R22: average first-response time, reply time per round capped at 10 min, reply rate - hand-computed. */
class ResponseTimesR18Test {
    private static ResponseTimes of(String id, ConversationEvent... events) {
        return ResponseTimes.of(Conversation.of(DEMO, new ConversationId(id), List.of(events))).orElseThrow();
    }

    @Test
    void averages_capRoundsAt10Minutes_andCountAnUnansweredRoundAs10OnceDue() {
        // chat 1: first reply after 20 s; rounds 20 s and 25 min (capped to 10 min)
        ResponseTimes a = of("a", customer("m1", "a", "2026-10-03T10:00:00", Channel.CS_CHAT), bot("b", "a", "2026-10-03T10:00:01"),
                agent("r1", "a", "2026-10-03T10:00:20"), customer("m2", "a", "2026-10-03T10:05:00"),
                agent("r2", "a", "2026-10-03T10:30:00"));
        // chat 2: first reply after 40 s; a second round never answered (since 10:10)
        ResponseTimes b = of("b", customer("m1", "b", "2026-10-03T10:00:00", Channel.CS_CHAT),
                agent("r1", "b", "2026-10-03T10:00:40"), customer("m2", "b", "2026-10-03T10:10:00"));
        assertEquals(20_000L, a.firstResponseMillis());
        assertEquals(2, a.roundsAnswered());
        assertEquals(20_000 + 600_000, a.cappedReplyMillis());

        ResponseTimes.Tally early = new ResponseTimes.Tally(at("2026-10-03T10:15:00")).add(a).add(b);
        assertEquals(30.0, early.averageFirstResponseSeconds());
        assertEquals((20 + 600 + 40) / 3.0, early.averageRoundReplySeconds(), 1e-9, "the open round is not yet 10 min old");
        assertEquals(0.75, early.replyRate());
        ResponseTimes.Tally late = new ResponseTimes.Tally(at("2026-10-03T10:20:01")).add(a).add(b);
        assertEquals((20 + 600 + 40 + 600) / 4.0, late.averageRoundReplySeconds(), 1e-9);
    }

    @Test
    void eachAgent_getsTheFirstResponseTheyGave_theRoundsTheyAnswered_andTheRatingOfWhatTheyServedLast() {
        ResponseTimes t = of("d", customer("m1", "d", "2026-10-03T10:00:00", Channel.CS_CHAT),
                agent("r1", "d", "2026-10-03T10:00:30"),                                                        // agent-1
                customer("m2", "d", "2026-10-03T10:05:00"),
                Events.event("r2", EventType.AGENT_MESSAGE, "d",
                        "2026-10-03T10:06:00").agentId("agent-2").build(),
                Events.rated("k", "d", "2026-10-03T10:10:00", 5));
        assertEquals(30_000L, t.byAgent().get("agent-1").firstResponseMillis());
        assertEquals(1, t.byAgent().get("agent-1").roundsAnswered());
        assertEquals(0, t.byAgent().get("agent-1").rated());
        assertNull(t.byAgent().get("agent-2").firstResponseMillis());
        assertEquals(60_000L, t.byAgent().get("agent-2").cappedReplyMillis());
        assertEquals(1, t.byAgent().get("agent-2").satisfied(), "agent-2 served last before the 5-star rating");
    }

    @Test
    void aConversationWithoutAHumanReply_hasNoFirstResponseTime() {
        ResponseTimes c = of("c", customer("m1", "c", "2026-10-03T20:00:00", Channel.LIVE_COMMENT));
        assertNull(c.firstResponseMillis());
        assertEquals(Channel.LIVE_COMMENT, c.channel(), "every channel counts for operations (R22)");
        assertNull(new ResponseTimes.Tally(at("2026-10-03T20:00:30")).add(c).averageFirstResponseSeconds());
    }
}
