package com.replyguard.adapters.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.dynalite.ProjectLayout;
import com.replyguard.merchant.DoudianApp;
import com.replyguard.merchant.Manager;
import com.replyguard.merchant.MerchantId;
import com.replyguard.testing.Managers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local merchants file: the shipped defaults, tokens to merchants, and a refused bad file. */
class MerchantsFileTest {

    @Test
    void shippedFile_shouldHoldTheContractsDefaults() {
        Path shipped = ProjectLayout.root().resolve("infra/local/merchants.json");
        MerchantsFile f = MerchantsFile.read(shipped);
        assertEquals(Managers.supervisor(new MerchantId("demo")), f.managerOf("demo-manager-token").orElseThrow());
        assertEquals(new MerchantId("other"), f.managerOf("other-manager-token").orElseThrow().merchant());
        assertTrue(f.managerOf("demo-webhook-secret").isEmpty());
        var lead = f.managerOf("demo-teamlead-token").orElseThrow();
        assertEquals(Manager.Role.TEAM_LEAD, lead.role());
        assertTrue(lead.covers("presales-zhang") && !lead.covers("aftersales-wang"));
        assertEquals(Manager.Role.OPERATIONS, f.managerOf("demo-operations-token").orElseThrow().role());
        assertEquals(new DoudianApp("demo-doudian-app-key",
                List.of("demo-doudian-app-secret", "demo-doudian-app-secret-next")),
                f.find(new MerchantId("demo")).orElseThrow().doudian().orElseThrow());
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
