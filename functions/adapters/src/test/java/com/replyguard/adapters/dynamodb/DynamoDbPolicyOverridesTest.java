package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static com.replyguard.testing.Events.DEMO_MERCHANT;
import static com.replyguard.testing.Events.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.adapters.json.PolicyJson;
import com.replyguard.clock.ClockType;
import com.replyguard.conversation.Channel;
import com.replyguard.dynalite.SharedDynalite;
import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.PolicyHistory;
import com.replyguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Policy versions on a real DynamoDB (dynalite): appended, never rewritten, each in force from its PUT. */
class DynamoDbPolicyOverridesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private MutableClock clock;
    private String table;
    private DynamoDbPolicyOverrides overrides;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at("2026-10-03T12:00:00"));
        table = SharedDynalite.freshTables().tableName("MerchantsTable");
        overrides = new DynamoDbPolicyOverrides(id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(),
                SharedDynalite.client(), table, clock);
    }

    private static Duration firstReply(PolicyHistory h, int version) {
        return h.number(version).sla().target(ClockType.FIRST_REPLY, Channel.CS_CHAT, false);
    }

    @Test
    void eachPut_addsTheNextVersion_inForceFromThatInstant_andKeepsTheEarlierOnes() throws Exception {
        Merchant first = overrides.put(DEMO, JSON.readTree("{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":30,\"elsewhere\":45}}}"));
        assertEquals(1, first.policies().current().number());
        clock.advance(Duration.ofHours(3));
        // another instance of the function, with its own (stale) cache, appends after it
        DynamoDbPolicyOverrides elsewhere = new DynamoDbPolicyOverrides(
                id -> id.equals(DEMO) ? Optional.of(DEMO_MERCHANT) : Optional.empty(), SharedDynalite.client(), table, clock);
        elsewhere.put(DEMO, JSON.readTree("{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":30,\"elsewhere\":90}}}"));
        clock.advance(DynamoDbPolicyOverrides.CACHE_FOR);
        PolicyHistory h = overrides.find(DEMO).orElseThrow().policies();
        assertEquals(3, h.all().size());
        assertNull(h.number(0).effectiveFrom(), "version 0 is the configured policy");
        assertEquals(Duration.ofSeconds(60), firstReply(h, 0));
        assertEquals(at("2026-10-03T12:00:00"), h.number(1).effectiveFrom());
        assertEquals(Duration.ofSeconds(45), firstReply(h, 1));
        assertEquals(at("2026-10-03T15:00:00"), h.number(2).effectiveFrom());
        assertEquals(Duration.ofSeconds(90), firstReply(h, 2));
        assertEquals(1, h.at(at("2026-10-03T14:59:59")).number());
        assertEquals(2, (int) PolicyJson.write(h.current()).get("version"));
    }

    @Test
    void aBadPolicy_isRefused_andNothingIsStored() throws Exception {
        assertThrows(PolicyJson.Rejected.class, () -> overrides.put(DEMO, JSON.readTree("{\"warningShare\": 2}")));
        assertEquals(1, overrides.find(DEMO).orElseThrow().policies().all().size());
    }

    @Test
    void aPolicyStoredBeforeVersionsExisted_readsAsVersion1_fromWhenItWasWritten() throws Exception {
        SharedDynalite.client().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("policy#demo"),
                "policy", AttributeValue.fromS("{\"targets\":{\"FIRST_REPLY\":{\"liveRoom\":30,\"elsewhere\":50}}}"),
                "updatedAt", AttributeValue.fromS("2026-10-01T00:00:00Z"))));
        PolicyHistory h = overrides.find(DEMO).orElseThrow().policies();
        assertEquals(2, h.all().size());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), h.number(1).effectiveFrom());
        assertEquals(Duration.ofSeconds(50), firstReply(h, 1));
        overrides.put(DEMO, JSON.readTree("{}"));
        assertEquals(3, overrides.find(DEMO).orElseThrow().policies().all().size(), "the next PUT appends to it");
    }
}
