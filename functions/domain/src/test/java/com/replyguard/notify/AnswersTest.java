package com.replyguard.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each vendor's answers, as documented and observed (HTTP 200 is not success: the code in the body
 * decides): success; "too fast" and busy are retried with backoff (钉钉's throttle blocks the robot
 * for 10 minutes); a refusal that cannot succeed is failed at once.
 */
class AnswersTest {
    private static Verdict.Outcome of(ChannelKind k, int status, Integer code, String msg) {
        return Answers.classify(k, new RobotAnswer(status, code, msg), 1).outcome();
    }

    @Test
    void feishu_successIsCode0_tooManyRequestIsRetried_signatureKeywordAndIpAreRefused() {
        assertEquals(Verdict.Outcome.SENT, of(ChannelKind.FEISHU, 200, 0, "success"));
        Verdict tooFast = Answers.classify(ChannelKind.FEISHU, new RobotAnswer(400, 9499, "too many request"), 1);
        assertEquals(Verdict.Outcome.RETRY, tooFast.outcome());
        assertEquals(Answers.FEISHU_TOO_FAST, tooFast.blockChannelFor());
        assertEquals(Verdict.Outcome.RETRY, of(ChannelKind.FEISHU, 200, 11232, "frequency limited"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.FEISHU, 400, 9499, "Bad Request"), "a malformed body stays malformed");
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.FEISHU, 200, 19021,
                "sign match fail or timestamp is not within one hour from current time"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.FEISHU, 200, 19022, "Ip Not Allowed"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.FEISHU, 200, 19024, "Key Words Not Found"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.LARK, 200, 19007, "Bot Not Enabled"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.FEISHU, 200, null, "HTTP 200, answer not understood"));
    }

    @Test
    void dingtalk_tooFastBlocksTheRobotFor10Minutes_310000IsRefused() {
        assertEquals(Verdict.Outcome.SENT, of(ChannelKind.DINGTALK, 200, 0, "ok"));
        Verdict v = Answers.classify(ChannelKind.DINGTALK, new RobotAnswer(200, 130101,
                "send too fast, exceed 20 times per minute"), 1);
        assertEquals(Verdict.Outcome.RETRY, v.outcome());
        assertEquals(Duration.ofMinutes(10), v.blockChannelFor());
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.DINGTALK, 200, 310000, "sign not match"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.DINGTALK, 200, 310000, "keywords not in content"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.DINGTALK, 200, 300001, "token is not exist"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.DINGTALK, 200, 460101, "message too long, exceed 20000 bytes"));
    }

    @Test
    void wecom_45009IsRetriedAfterTheMinute_aRemovedRobotIsRefused() {
        assertEquals(Verdict.Outcome.SENT, of(ChannelKind.WECOM, 200, 0, "ok"));
        Verdict v = Answers.classify(ChannelKind.WECOM, new RobotAnswer(200, 45009, "api freq out of limit"), 1);
        assertEquals(Verdict.Outcome.RETRY, v.outcome());
        assertEquals(Duration.ofSeconds(60), v.retryAfter());
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.WECOM, 200, 93000, "invalid webhook url"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.WECOM, 200, 40058, "markdown.content exceed max length 4096"));
        assertEquals(Verdict.Outcome.RETRY, of(ChannelKind.WECOM, 200, -1, "system busy"));
    }

    @Test
    void webhook_2xxIsSent_429And5xxAreRetried_other4xxRefused() {
        assertEquals(Verdict.Outcome.SENT, of(ChannelKind.WEBHOOK, 204, null, "HTTP 204"));
        assertEquals(Verdict.Outcome.RETRY, of(ChannelKind.WEBHOOK, 503, null, "HTTP 503"));
        assertEquals(Verdict.Outcome.RETRY, of(ChannelKind.WEBHOOK, 429, null, "HTTP 429"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.WEBHOOK, 401, null, "HTTP 401"));
        assertEquals(Verdict.Outcome.REFUSED, of(ChannelKind.WEBHOOK, 302, null, "HTTP 302"), "redirects are never followed");
    }

    @Test
    void anUnreachableRobotIsRetriedWithGrowingBackoff_andWhatWeRefusedToSendFailsAtOnce() {
        assertEquals(Duration.ofSeconds(1), Answers.classify(ChannelKind.WECOM, RobotAnswer.unreachable("timeout"), 1).retryAfter());
        assertEquals(Duration.ofSeconds(8), Answers.classify(ChannelKind.WECOM, RobotAnswer.unreachable("timeout"), 4).retryAfter());
        assertEquals(Answers.MAX_BACKOFF, Answers.backoff(12));
        assertEquals(Verdict.Outcome.REFUSED, Answers.classify(ChannelKind.WEBHOOK,
                RobotAnswer.notSent("address refused"), 1).outcome());
    }

    @Test
    void anAnswersMessage_neverKeepsAUrl_andIsShortened() {
        RobotAnswer a = new RobotAnswer(200, 310000, "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\n"
                + "x".repeat(400));
        assertTrue(!a.message().contains("https://") && a.message().contains("<link>"), a.message());
        assertTrue(a.message().length() <= RobotAnswer.MAX_MESSAGE + 1);
    }
}
