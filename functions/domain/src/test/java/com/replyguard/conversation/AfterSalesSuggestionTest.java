package com.replyguard.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R24: the automatic subtype suggestion from a customer message's Chinese text, with its confidence. */
class AfterSalesSuggestionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "快递一直没收到，查一下吧 | LOGISTICS_NOT_RECEIVED",
            "箱子压坏了，里面的杯子碎了 | LOGISTICS_DAMAGED",
            "都五天了怎么还没发货 | LOGISTICS_LATE",
            "用了一天就坏了，质量问题 | PRODUCT_QUALITY_DEFECT",
            "颜色和描述不符，色差很大 | PRODUCT_QUALITY_PERFORMANCE_MISMATCH",
            "这是假货吧，根本不是正品 | PRODUCT_QUALITY_COUNTERFEIT",
            "你们这是虚假宣传 | PROMOTION_FALSE_ADVERTISING",
            "主播说可以用三年，误导人 | PROMOTION_MISLEADING_EXPLANATION",
            "不想要了，七天无理由退货 | RETURN_NO_REASON",
            "质量问题退货，要换一个新的 | RETURN_QUALITY",
            "退款还没到账，退款进度在哪看 | RETURN_PROCESS_TROUBLE",
            "客服态度太差了，很不耐烦 | SERVICE_ATTITUDE",
            "回复太慢了，等了半天没人回 | SERVICE_SLOW_RESPONSE",
            "对处理结果不满意，我要投诉 | SERVICE_UNHAPPY_OUTCOME",
            "请问这个有红色的吗 | -",
            "东西没坏，挺好的 | -",
            "质量没问题 | -"})
    void suggestsTheSubtypeOfTheMessage(String text, String expected) {
        Optional<AfterSalesSuggestion> s = AfterSalesSuggestion.of(text);
        assertEquals(Optional.ofNullable(expected).map(AfterSalesCategory::valueOf), s.map(AfterSalesSuggestion::category),
                () -> text + " → " + s);
        s.ifPresent(x -> assertTrue(x.confidence() >= AfterSalesSuggestion.MINIMUM_CONFIDENCE && x.confidence() <= 100));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"坏了 | 数据不足：一个弱信号", "破损了，碎了，压坏了 | 三个一致的信号"})
    void moreConsistentEvidenceMeansMoreConfidence(String text, String why) {
        int one = AfterSalesSuggestion.of("坏了").orElseThrow().confidence();
        int three = AfterSalesSuggestion.of("破损了，碎了，压坏了").orElseThrow().confidence();
        assertTrue(one < three, why + ": " + one + " < " + three);
        assertEquals(100, three);
        assertTrue(AfterSalesSuggestion.of(text).isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"没收到货，包装也破了 | 50"})
    void mixedEvidenceLowersTheConfidence(String text, int atMost) {
        assertTrue(AfterSalesSuggestion.of(text).map(AfterSalesSuggestion::confidence).orElse(0) <= atMost + 10,
                () -> text + " → " + AfterSalesSuggestion.of(text));
    }
}
