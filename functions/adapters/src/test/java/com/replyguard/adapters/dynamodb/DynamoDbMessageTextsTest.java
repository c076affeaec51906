package com.replyguard.adapters.dynamodb;

import static com.replyguard.testing.Events.DEMO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.conversation.ConversationId;
import com.replyguard.conversation.MessageText;
import com.replyguard.dynalite.SamTemplate;
import com.replyguard.dynalite.SharedDynalite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts table on dynalite (no TTL there): expired texts are never answered; a customer's texts are deleted. */
class DynamoDbMessageTextsTest {

    @Test
    void keep_read_expire_forget() {
        SamTemplate t = SharedDynalite.freshTables();
        DynamoDbMessageTexts texts = new DynamoDbMessageTexts(SharedDynalite.client(), t.tableName("TextsTable"));
        ConversationId c = new ConversationId("c1");
        Instant now = Instant.parse("2026-10-03T04:00:00Z");
        texts.keep(DEMO, List.of(new MessageText(c, "e1", "c_aa", "你好", now.plusSeconds(3600)),
                new MessageText(c, "e2", "c_bb", "快递到了吗", now.plusSeconds(7200)),
                new MessageText(c, "e3", "c_aa", "谢谢", now.plusSeconds(10))));
        assertEquals(Map.of("e1", "你好", "e2", "快递到了吗", "e3", "谢谢"), texts.of(DEMO, c, now));
        assertEquals(Map.of("e1", "你好", "e2", "快递到了吗"), texts.of(DEMO, c, now.plusSeconds(10)), "expired at its second");
        assertEquals(2, texts.forget(DEMO, c, "c_aa"));
        assertEquals(Map.of("e2", "快递到了吗"), texts.of(DEMO, c, now));
        assertEquals(0, texts.forget(DEMO, c, "c_aa"), "repeating changes nothing");
    }
}
