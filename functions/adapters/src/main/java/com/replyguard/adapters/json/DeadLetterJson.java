package com.replyguard.adapters.json;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Delivery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A given-up delivery as the dead-letter queue keeps it: which merchant, notice (the alert id) and
 * channel, the robot's last answer and the notice's bus detail (no customer data; never the robot's
 * URL or a secret), so an operator can see what failed and redrive it.
 */
public final class DeadLetterJson {
    private DeadLetterJson() {
    }

    public static Map<String, Object> of(MerchantId merchant, Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", "delivery given up");
        m.put("merchantId", merchant.value());
        m.put("alertId", d.noticeId());
        m.put("type", d.notice().type().detailType());
        m.put("channelId", d.channelId());
        m.put("kind", d.kind().wireName());
        m.put("state", d.state().name());
        m.put("attempts", d.attempts());
        m.put("queuedAt", Instants.format(d.queuedAt()));
        m.put("givenUpAt", Instants.format(d.at()));
        if (d.answer() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("httpStatus", d.answer().httpStatus());
            a.put("code", d.answer().code());
            a.put("message", d.answer().message());
            m.put("answer", a);
        }
        m.put("notice", NoticeJson.write(d.notice()));
        return m;
    }
}
