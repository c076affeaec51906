package com.replyguard.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replyguard.conversation.Channel;
import com.replyguard.notify.ChannelKind;
import com.replyguard.notify.Language;
import com.replyguard.notify.NoticeType;
import com.replyguard.notify.NotificationSettings;
import com.replyguard.notify.Person;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Settings JSON: the issue's example reads as written; every structural problem is listed (a
 * misspelt field too); masked or absent credentials read as "keep"; masked output carries no URL
 * path, query or secret; a store round-trips them.
 */
class NotificationSettingsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIssuesExample_readsAsWritten() throws Exception {
        JsonNode n = JSON.readTree("""
                {"language": "zh-CN", "consoleUrl": "https://console.example.com",
                 "channels": [{"id": "leads", "kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=t", "secret": "SECx"},
                              {"id": "floor", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"}],
                 "routes": [{"alerts": ["SlaAtRisk"], "channels": ["floor"]},
                            {"alerts": ["SlaBreached", "SlaEscalated"], "maxLevel": 1, "channels": ["leads"]},
                            {"alerts": ["SlaEscalated"], "minLevel": 2, "channels": ["leads", "floor"],
                             "conversationChannels": ["LIVE_COMMENT"], "teams": ["presales"], "quietHours": {"from": "23:00", "to": "08:00"}}],
                 "people": {"cs-li": {"dingtalkUserId": "dt", "mobile": "138", "feishuOpenId": "ou_x", "wecomUserId": "wc"}}}""");
        NotificationSettingsJson.Read r = NotificationSettingsJson.read(n);
        assertEquals(List.of(), r.problems());
        NotificationSettings s = r.settings();
        assertEquals(Language.ZH_CN, s.language());
        assertEquals(ChannelKind.DINGTALK, s.channel("leads").orElseThrow().kind());
        assertEquals("SECx", s.channel("leads").orElseThrow().secret());
        assertEquals(Set.of(NoticeType.SLA_BREACHED, NoticeType.SLA_ESCALATED), s.routes().get(1).notices());
        assertEquals(1, s.routes().get(1).maxLevel());
        assertEquals(Set.of(Channel.LIVE_COMMENT), s.routes().get(2).conversationChannels());
        assertEquals(LocalTime.of(23, 0), s.routes().get(2).quietHours().from());
        assertEquals(Person.Role.AGENT, s.people().get("cs-li").role());
        assertEquals(List.of(), s.problems(false));
    }

    @Test
    void structuralProblems_areAllListed_includingMisspeltFields() throws Exception {
        NotificationSettingsJson.Read r = NotificationSettingsJson.read(JSON.readTree("""
                {"lang": "zh", "channels": [{"id": "a", "kind": "slack", "url": 5}, {"kind": "wecom"}, "x"],
                 "routes": [{"alerts": ["SlaLate"], "minlevel": 1, "maxLevel": "one", "quietHours": {"from": "25:00"},
                             "conversationChannels": ["TV"], "channels": "leads"}],
                 "people": {"p": {"role": "BOSS"}}}"""));
        assertNull(r.settings());
        List<String> p = r.problems();
        for (String expected : List.of("lang is not a field here", "channels[0].kind must be one of", "channels[0].url must be a string",
                "channels[1].id is required", "channels[2] must be an object", "routes[0].minlevel is not a field here",
                "routes[0].alerts has 'SlaLate'", "routes[0].maxLevel must be a whole number", "routes[0].quietHours needs",
                "routes[0].conversationChannels has 'TV'", "routes[0].channels must be a list of strings", "people.p.role must be one of")) {
            assertTrue(p.stream().anyMatch(x -> x.startsWith(expected)), "missing: " + expected + " in " + p);
        }
        assertEquals(12, p.size(), p.toString());
    }

    @Test
    void maskedOutput_showsNoCredential_andMaskedInputKeepsTheStoredOne() throws Exception {
        JsonNode n = JSON.readTree("""
                {"channels": [{"id": "leads", "kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=tok-1",
                               "secret": "SEC-2"},
                              {"id": "hook", "kind": "webhook", "url": "https://erp.example.com:8443/private/path", "secret": "s-3"}]}""");
        NotificationSettings s = NotificationSettingsJson.read(n).settings();
        String masked = JSON.writeValueAsString(NotificationSettingsJson.write(s, NotificationSettingsJson.Credentials.MASKED));
        for (String secret : List.of("tok-1", "SEC-2", "private", "s-3", "access_token")) {
            assertTrue(!masked.contains(secret), secret + " in " + masked);
        }
        assertTrue(masked.contains("\"url\":\"https://erp.example.com:8443/***\""), masked);
        NotificationSettings back = NotificationSettingsJson.read(JSON.readTree(masked)).settings();
        assertNull(back.channel("leads").orElseThrow().url(), "masked reads as: keep the stored one");
        assertNull(back.channel("leads").orElseThrow().secret());
        String omitted = JSON.writeValueAsString(NotificationSettingsJson.write(s, NotificationSettingsJson.Credentials.OMITTED));
        assertTrue(!omitted.contains("tok-1") && !omitted.contains("SEC-2") && !omitted.contains("url"), omitted);
        NotificationSettings restored = NotificationSettingsJson.withCredentials(NotificationSettingsJson.read(JSON.readTree(omitted))
                .settings(), JSON.valueToTree(NotificationSettingsJson.credentials(s)));
        assertEquals(s, restored, "a store without credentials plus the secret's credentials is the whole");
    }
}
