package com.replyguard.adapters.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The vendors' signatures against worked examples computed independently (python3 hmac and Java
 * javax.crypto agree), including the official samples' inputs: 飞书 keys the HMAC with
 * {@code timestamp\nsecret} over an empty message (seconds); 钉钉 keys it with the secret over
 * {@code timestamp\nsecret} (milliseconds) and URL-encodes the Base64 once. Mixing them up is the
 * common bug, so the 钉钉-style result on 飞书's inputs must differ.
 */
class RobotSignaturesTest {

    @Test
    void feishu_matchesTheWorkedExamples_andIsNotDingtalksAlgorithm() {
        assertEquals("l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=", RobotSignatures.feishu(1599360473L, "demo"));
        assertEquals("wTEcZA0XeYkHavFUfihGCaDpwLlIv9jmOhPLETODUh8=", RobotSignatures.feishu(1700000000L, "test-secret-for-unit-tests"));
        assertNotEquals("DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=", RobotSignatures.feishu(1599360473L, "demo"));
        assertEquals("DkEDUyVoOOJ539qBvUgMyzkzIdRWlf4e/V3Rq+ONJnQ=", RobotSignatures.dingtalk(1599360473L, "demo"),
                "that value is what 钉钉's algorithm gives on 飞书's inputs");
    }

    @Test
    void dingtalk_matchesTheWorkedExamples_encodedOnce() {
        assertEquals("Jyq6mccm6ua76hriSMO0aWjLHweUkV5IfII0iRHs1vs=", RobotSignatures.dingtalk(1700000000000L,
                "SECtest-secret-for-unit-tests"));
        assertEquals("Jyq6mccm6ua76hriSMO0aWjLHweUkV5IfII0iRHs1vs%3D", RobotSignatures.dingtalkQueryValue(1700000000000L,
                "SECtest-secret-for-unit-tests"));
        assertEquals("yn6fALy1sAI%2FdmiZUW%2Fs%2B3aiCfkltlDd%2B8eIi9Coa3o%3D", RobotSignatures.dingtalkQueryValue(1700000000008L,
                "SECtest-secret-for-unit-tests"), "+ and / encoded, not left to be read as a space and a path");
        assertEquals("hXZTWifRGHclNuZSKxoXc%2F%2Fsh51SWfVfRIhcdeKs63I%3D", RobotSignatures.dingtalkQueryValue(1599360473000L,
                "this is secret"), "the official sample's secret");
    }
}
