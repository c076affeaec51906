package com.replyguard.adapters.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.merchant.MerchantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local merchants file: the shipped defaults, tokens to merchants, and a refused bad file. */
class MerchantsFileTest {

    @Test
    void shippedFile_shouldHoldTheContractsDefaults() {
        Path shipped = com.replyguard.dynalite.ProjectLayout.root().resolve("infra/local/merchants.json");
        MerchantsFile f = MerchantsFile.read(shipped);
        assertEquals(new MerchantId("demo"), f.merchantOf("demo-manager-token").orElseThrow());
        assertEquals(new MerchantId("other"), f.merchantOf("other-manager-token").orElseThrow());
        assertTrue(f.merchantOf("demo-webhook-secret").isEmpty());
        assertEquals("demo-webhook-secret", f.find(new MerchantId("demo")).orElseThrow().webhookSecrets().get(0));
        assertEquals("other-webhook-secret", f.find(new MerchantId("other")).orElseThrow().webhookSecrets().get(0));
    }

    @Test
    void badFile_shouldBeRefused_withEveryProblemNamed(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("m.json");
        Files.writeString(bad, "{\"merchants\":[{\"merchantId\":\"a b\"},{\"merchantId\":\"x\",\"webhookSecrets\":[],"
                + "\"customerHashKey\":\"short\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MerchantsFile.read(bad));
        assertTrue(e.getMessage().contains("merchants[0].merchantId"), e.getMessage());
        assertTrue(e.getMessage().contains("merchants[1].webhookSecrets"), e.getMessage());
        assertTrue(e.getMessage().contains("merchants[1].customerHashKey"), e.getMessage());
    }
}
