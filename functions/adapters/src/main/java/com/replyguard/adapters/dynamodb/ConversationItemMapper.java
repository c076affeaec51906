package com.replyguard.adapters.dynamodb;

import static com.replyguard.adapters.dynamodb.Attributes.n;
import static com.replyguard.adapters.dynamodb.Attributes.s;
import static com.replyguard.adapters.dynamodb.Attributes.string;
import static com.replyguard.adapters.dynamodb.Attributes.stringList;
import static com.replyguard.adapters.dynamodb.Attributes.strings;

import com.replyguard.assessment.Cycle;
import com.replyguard.assessment.CycleContribution;
import com.replyguard.assessment.ResponseTimes;
import com.replyguard.conversation.AfterSalesCategory;
import com.replyguard.conversation.AfterSalesSuggestion;
import com.replyguard.conversation.AgentRole;
import com.replyguard.conversation.Channel;
import com.replyguard.conversation.Complexity;
import com.replyguard.conversation.Conversation;
import com.replyguard.conversation.ConversationEvent;
import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.EventType;
import com.replyguard.kpi.ConversationKpi;
import com.replyguard.kpi.Fold;
import com.replyguard.merchant.MerchantId;
import com.replyguard.ports.StoredConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a conversation to one item: key {@code pk = merchant#conversationId}, its events as a list
 * of small maps (short attribute names keep the item far below 400 KB), the version and the
 * projection bookkeeping. No customer id (only its keyed hash) and no message text are stored.
 */
final class ConversationItemMapper {
    private ConversationItemMapper() {
    }

    static String key(MerchantId merchant, ConversationId id) {
        return merchant.value() + "#" + id.value();
    }

    static Map<String, AttributeValue> toItem(StoredConversation s) {
        Conversation c = s.conversation();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key(c.merchant(), c.id())));
        item.put("merchant", s(c.merchant().value()));
        item.put("conversationId", s(c.id().value()));
        item.put("version", n(s.version()));
        c.channel().ifPresent(ch -> item.put("channel", s(ch.name())));
        c.lastActivity().ifPresent(t -> item.put("lastEventAt", s(t.toString())));
        item.put("events", AttributeValue.fromL(c.events().stream().map(e -> AttributeValue.fromM(event(e))).toList()));
        item.put("activeBreaches", strings(s.activeBreachKeys()));
        item.put("knownBreaches", strings(s.knownBreachKeys()));
        item.put("notified", strings(s.notified()));
        item.put("pending", strings(s.pending()));
        if (s.nextDue() != null) {
            // the due-index entry (sparse GSI ByDue), written in the same PutItem as the conversation
            item.put("nextDue", s(s.nextDue().toString()));
            item.put("dueKey", s(DynamoDbDueIndex.partition(s.nextDue(), DynamoDbDueIndex.shardOf(key(c.merchant(), c.id())))));
            item.put("dueSort", s(DynamoDbDueIndex.sortKey(s.nextDue(), key(c.merchant(), c.id()))));
        }
        ResponseTimes rt = s.responseTimes();
        if (rt != null) {
            // the ByResponseCycle index entry: figures for the operations report (R18, R22)
            item.put("rtPk", s(c.merchant().value() + "#" + rt.cycle()));
            item.put("rtSk", s(c.id().value()));
            item.put("rtChannel", s(rt.channel().name()));
            if (rt.firstResponseMillis() != null) {
                item.put("rtFirst", n(rt.firstResponseMillis()));
            }
            item.put("rtRounds", n(rt.rounds()));
            item.put("rtAnswered", n(rt.roundsAnswered()));
            item.put("rtMillis", n(rt.cappedReplyMillis()));
            if (rt.openRoundStart() != null) {
                item.put("rtOpen", s(rt.openRoundStart().toString()));
            }
            Map<String, AttributeValue> agents = new HashMap<>();
            rt.byAgent().forEach((agent, a) -> {
                Map<String, AttributeValue> v = new HashMap<>();
                if (a.firstResponseMillis() != null) {
                    v.put("f", n(a.firstResponseMillis()));
                }
                v.put("r", n(a.roundsAnswered()));
                v.put("m", n(a.cappedReplyMillis()));
                v.put("k", n(a.rated()));
                v.put("s", n(a.satisfied()));
                agents.put(agent, AttributeValue.fromM(v));
            });
            item.put("rtAgents", AttributeValue.fromM(agents));
        }
        c.customerRef().ifPresent(customer -> c.lastActivity().ifPresent(last -> {
            // index ByCustomer: a customer's conversations by last activity (spreading a customer report)
            item.put("custPk", s(c.merchant().value() + "#" + customer));
            item.put("custSk", s(kpiSort(last, c.id().value())));
        }));
        if (!s.kpi().isEmpty()) {
            item.put("kv", DynamoDbKpiStore.vector(s.kpi()));
        }
        // the live queue's entry (sparse GSI ByQueue), written in the same PutItem as the conversation
        DynamoDbQueueIndex.put(item, c.merchant(), c.id(), s.waiting());
        // the after-sales case list's entry (sparse GSI ByCase), likewise
        DynamoDbCaseIndex.put(item, c);
        // waiting for its channel (sparse GSI ByHeld), likewise
        DynamoDbHeldIndex.put(item, c);
        if (s.kpiChangedAt() != null) {
            // the KPI change feed (sparse GSI ByKpiChange): shard, then when the vector last changed
            item.put("kpiShard", s(Integer.toString(Fold.shardOf(key(c.merchant(), c.id())))));
            item.put("kpiAt", s(kpiSort(s.kpiChangedAt(), key(c.merchant(), c.id()))));
        }
        return item;
    }

    /** Sort key of the change feed: fixed-width epoch millis (sorts as time), then the conversation. */
    static String kpiSort(Instant at, String conversationKey) {
        return String.format("%015d#%s", at.toEpochMilli(), conversationKey);
    }

    static ConversationKpi kpi(Map<String, AttributeValue> item) {
        return new ConversationKpi(new MerchantId(string(item, "merchant")),
                new ConversationId(string(item, "conversationId")), Attributes.number(item, "version"),
                DynamoDbKpiStore.vector(item.get("kv")));
    }

    static ResponseTimes responseTimes(Map<String, AttributeValue> item) {
        String pk = string(item, "rtPk");
        if (pk == null) {
            return null;
        }
        String open = string(item, "rtOpen");
        AttributeValue first = item.get("rtFirst");
        Map<String, ResponseTimes.AgentShare> byAgent = new HashMap<>();
        AttributeValue agents = item.get("rtAgents");
        if (agents != null && agents.hasM()) {
            agents.m().forEach((agent, v) -> {
                AttributeValue f = v.m().get("f");
                byAgent.put(agent, new ResponseTimes.AgentShare(f == null ? null : Long.parseLong(f.n()),
                        Attributes.intOrZero(v.m(), "r"), Attributes.number(v.m(), "m"), Attributes.intOrZero(v.m(), "k"),
                        Attributes.intOrZero(v.m(), "s")));
            });
        }
        return new ResponseTimes(Cycle.parse(pk.substring(pk.lastIndexOf('#') + 1)).orElseThrow(),
                Channel.valueOf(string(item, "rtChannel")), first == null ? null : Long.parseLong(first.n()),
                Attributes.intOrZero(item, "rtRounds"), Attributes.intOrZero(item, "rtAnswered"),
                Attributes.number(item, "rtMillis"), open == null ? null : Instant.parse(open), byAgent);
    }

    private static Map<String, AttributeValue> event(ConversationEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(e.eventId()));
        m.put("t", s(e.type().wireName()));
        m.put("at", s(e.occurredAt().toString()));
        if (e.channel() != null) {
            m.put("ch", s(e.channel().name()));
        }
        if (e.customerRef() != null) {
            m.put("cu", s(e.customerRef()));
        }
        if (e.agentId() != null) {
            m.put("ag", s(e.agentId()));
        }
        if (e.agentRole() != null) {
            m.put("ro", s(e.agentRole().name()));
        }
        if (e.toAgentId() != null) {
            m.put("to", s(e.toAgentId()));
        }
        if (e.auto()) {
            m.put("au", AttributeValue.fromBool(true));
        }
        if (e.urgent() != null) {
            m.put("ur", AttributeValue.fromBool(e.urgent()));
        }
        if (e.complexity() != null) {
            m.put("cx", s(e.complexity().name()));
        }
        if (e.rating() != null) {
            m.put("ra", n(e.rating()));
        }
        if (e.category() != null) {
            m.put("ca", s(e.category().name()));
        }
        if (e.suggestion() != null) {
            m.put("sg", s(e.suggestion().category().name()));
            m.put("sc", n(e.suggestion().confidence()));
        }
        return m;
    }

    static StoredConversation fromItem(Map<String, AttributeValue> item) {
        MerchantId merchant = new MerchantId(string(item, "merchant"));
        ConversationId id = new ConversationId(string(item, "conversationId"));
        List<ConversationEvent> events = new ArrayList<>();
        for (AttributeValue v : item.get("events").l()) {
            Map<String, AttributeValue> m = v.m();
            ConversationEvent.Builder b = ConversationEvent.builder(string(m, "id"),
                    EventType.fromWireName(string(m, "t")).orElseThrow(), id, Instant.parse(string(m, "at")));
            if (m.containsKey("ch")) {
                b.channel(Channel.valueOf(string(m, "ch")));
            }
            b.customerRef(string(m, "cu")).agentId(string(m, "ag")).toAgentId(string(m, "to"));
            if (m.containsKey("ro")) {
                b.agentRole(AgentRole.valueOf(string(m, "ro")));
            }
            if (m.containsKey("au")) {
                b.auto(m.get("au").bool());
            }
            if (m.containsKey("ur")) {
                b.urgent(m.get("ur").bool());
            }
            if (m.containsKey("cx")) {
                b.complexity(Complexity.valueOf(string(m, "cx")));
            }
            if (m.containsKey("ra")) {
                b.rating(Integer.parseInt(m.get("ra").n()));
            }
            if (m.containsKey("ca")) {
                b.category(AfterSalesCategory.valueOf(string(m, "ca")));
            }
            if (m.containsKey("sg")) {
                b.suggestion(new AfterSalesSuggestion(AfterSalesCategory.valueOf(string(m, "sg")),
                        Integer.parseInt(m.get("sc").n())));
            }
            events.add(b.build());
        }
        String nextDue = string(item, "nextDue");
        String kpiAt = string(item, "kpiAt");
        return new StoredConversation(Conversation.of(merchant, id, events), Attributes.number(item, "version"),
                new TreeSet<>(stringList(item, "activeBreaches")), new TreeSet<>(stringList(item, "knownBreaches")),
                new TreeSet<>(stringList(item, "notified")), new TreeSet<>(stringList(item, "pending")),
                nextDue == null ? null : Instant.parse(nextDue), responseTimes(item),
                DynamoDbKpiStore.vector(item.get("kv")), kpiAt == null ? null
                        : Instant.ofEpochMilli(Long.parseLong(kpiAt.substring(0, kpiAt.indexOf('#')))),
                DynamoDbQueueIndex.waiting(item));
    }
}
