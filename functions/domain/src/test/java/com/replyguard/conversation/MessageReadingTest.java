package com.replyguard.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a phrase stands in a customer's message: the rules R9's urgency and R24's suggestion share. */
class MessageReadingTest {

    private static MessageReading.Stance stanceOf(String text, String phrase) {
        List<MessageReading.Found> found = MessageReading.DEFAULT.find(text, MessageReading.prepare(List.of(phrase)));
        assertEquals(1, found.size(), () -> phrase + " once in " + text + ": " + found);
        return found.get(0).stance();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // stated
            "杯子碎了|碎了|SAID",
            "快递还没到，很急|很急|SAID",           // the 没 is in another clause
            "还没用就坏了|坏了|SAID",               // 就 starts another predicate
            "不小心买到假货了|假货|SAID",           // 不小心 denies nothing
            "赶紧处理，不然投诉|投诉|SAID",         // 不然 denies nothing
            "能不能马上处理|马上处理|SAID",         // 能不能 is a request
            "这难道不是质量问题吗|质量问题|SAID",   // rhetorical: it says
            // denied just before (two characters at most)
            "没有破损|破损|NEGATED",
            "没有任何破损|破损|NEGATED",
            "一点都不过敏|过敏|NEGATED",
            "未发现破损|破损|NEGATED",
            "不是很急|很急|NEGATED",
            // hedged anywhere before in the clause, or a hypothesis after
            "担心用了以后脸会过敏|过敏|HEDGED",
            "万一收到是坏的怎么办|坏的|HEDGED",
            "听说有人买到假货|假货|HEDGED",
            "以前买的杯子碎了|碎了|HEDGED",
            "坏了的话保修吗|坏了|HEDGED",
            "主播说的福利怎么领|主播说|HEDGED",
            // asked
            "敏感肌用了会过敏吗|过敏|ASKED",
            "这款有异味吗|异味|ASKED",
            "孕妇能不能用|不能用|ASKED",
            "这件衣服起不起球|起球|ASKED",
            // set expressions
            "真的假的？这么便宜|假的|IDIOM",
            "优惠券用不了怎么办|用不了|IDIOM",
            "高兴坏了|坏了|IDIOM"})
    void eachPhraseHasTheStanceItsClauseGivesIt(String text, String phrase, MessageReading.Stance stance) {
        assertEquals(stance, stanceOf(text, phrase));
    }

    @Test
    void textIsReadNormalized_fullWidthTraditionalAndTypos() {
        assertEquals("质量太差,用一次就坏了12315", MessageReading.normalize("質量太差，用一次就壞了１２３１５"));
        assertEquals("赶紧处理", MessageReading.normalize("赶紧处里"));
        assertEquals(MessageReading.Stance.SAID, stanceOf("收到的衣服發霉了", "发霉"));
    }

    @Test
    void phrasesAreFoundLongestFirstAndNeverOverlap() {
        List<MessageReading.Found> found = MessageReading.DEFAULT.find("质量问题退货",
                MessageReading.prepare(List.of("质量问题", "质量问题退", "退货")));
        assertEquals(List.of("质量问题退"), found.stream().map(MessageReading.Found::phrase).toList());
    }

    @Test
    void aMerchantsWordEndingInANegationIsANegation_anyOtherIsAHedge() {
        MessageReading shop = MessageReading.of(List.of("并不", "以为"));
        List<String> terms = MessageReading.prepare(List.of("坏了"));
        // 并不 reaches two characters, 以为 the whole clause before the term
        assertEquals(MessageReading.Stance.NEGATED, shop.find("并不坏了", terms).get(0).stance());
        assertEquals(MessageReading.Stance.SAID, shop.find("并不是说它就坏了", terms).get(0).stance());
        assertEquals(MessageReading.Stance.HEDGED, shop.find("我以为它是真的坏了", terms).get(0).stance());
        assertEquals(MessageReading.Stance.SAID, shop.find("我以为，它坏了", terms).get(0).stance(), "another clause");
    }

    @Test
    void emptyTextHoldsNothing() {
        assertTrue(MessageReading.DEFAULT.find(null, List.of("坏了")).isEmpty());
        assertTrue(MessageReading.DEFAULT.find("  ", List.of("坏了")).isEmpty());
    }
}
