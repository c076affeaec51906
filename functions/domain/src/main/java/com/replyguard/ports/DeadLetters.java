package com.replyguard.ports;

import com.replyguard.merchant.MerchantId;
import com.replyguard.notify.Delivery;

/**
 * Port: where a delivery given up after its retry budget goes (an SQS dead-letter queue in AWS,
 * alarmed): it names the merchant, the notice and the channel and the robot's last answer - never
 * a URL, a secret or customer data. Throws when it cannot keep it, so the invocation is retried.
 */
public interface DeadLetters {
    void abandoned(MerchantId merchant, Delivery delivery);
}
