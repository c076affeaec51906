package com.replyguard.notify;

import static com.replyguard.notify.Notices.channel;
import static com.replyguard.notify.Notices.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Settings are refused with every problem listed; URLs are checked against server-side request
 * forgery: in a deployment only https to the vendor's host and path, a webhook only to a public host
 * (no address literal, nothing resolving to a private, loopback or link-local address); the local
 * runner alone may use http://127.0.0.1 and localhost.
 */
class NotificationSettingsTest {

    private static List<String> urlProblems(ChannelKind kind, String url) {
        return OutboundUrls.problems(kind, url, false);
    }

    @Test
    void aValidSetting_hasNoProblems() {
        NotificationSettings s = new NotificationSettings(Language.ZH_CN, "https://console.example.com",
                List.of(channel("leads", ChannelKind.DINGTALK), channel("floor", ChannelKind.WECOM), channel("ops", ChannelKind.FEISHU),
                        channel("intl", ChannelKind.LARK), channel("erp", ChannelKind.WEBHOOK)),
                List.of(route(Set.of(NoticeType.SLA_BREACHED), 1, 1, "leads", "floor")), Notices.people());
        assertEquals(List.of(), s.problems(false));
    }

    @Test
    void aRefusedSetting_listsEveryProblem() {
        NotificationSettings s = new NotificationSettings(Language.ZH_CN, "http://console.example.com",
                List.of(new NotifyChannel("leads", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t", null,
                                null, 50),
                        new NotifyChannel("leads", ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "s", null,
                                null),
                        new NotifyChannel("erp", ChannelKind.WEBHOOK, "https://erp.example.com/hook", null, null, null),
                        new NotifyChannel("bad id!", ChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/x", null, "", null)),
                List.of(route(Set.of(), 3, 1, "nowhere")), Map.of());
        List<String> p = s.problems(false);
        assertTrue(p.contains("consoleUrl must be an https URL (it is the link messages carry)"), p.toString());
        assertTrue(p.contains("channels[0].perMinute must be between 3 and 20 for a dingtalk channel (got 50)"), p.toString());
        assertTrue(p.contains("channels[1].id 'leads' is used twice"), p.toString());
        assertTrue(p.contains("channels[1].secret must not be set: a wecom robot does not sign (its key is in the URL)"), p.toString());
        assertTrue(p.contains("channels[2].secret is required for a webhook channel (its messages are signed with it)"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("channels[3].id must be")), p.toString());
        assertTrue(p.contains("channels[3].keyword must be 1-32 characters (the robot's keyword filter)"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("routes[0].alerts must name at least one of")), p.toString());
        assertTrue(p.contains("routes[0].channels names 'nowhere', which is not a channel"), p.toString());
        assertTrue(p.contains("routes[0].minLevel must not be above maxLevel"), p.toString());
        assertEquals(10, p.size(), p.toString());
    }

    @Test
    void robotUrls_mustBeTheVendorsHttpsHostAndPath() {
        assertEquals(List.of(), urlProblems(ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=abc"));
        assertEquals(List.of("must be a dingtalk robot webhook on oapi.dingtalk.com (got host evil.example.com)"),
                urlProblems(ChannelKind.DINGTALK, "https://evil.example.com/robot/send?access_token=abc"));
        assertEquals(List.of("must use https"), urlProblems(ChannelKind.WECOM, "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"));
        assertTrue(urlProblems(ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1&sign=x")
                .contains("must not contain timestamp (give the signing secret as secret instead)"));
        assertEquals(List.of("must carry the robot's key parameter"),
                urlProblems(ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"));
        assertEquals(List.of("must look like https://open.feishu.cn/open-apis/bot/v2/hook/<robot token>"),
                urlProblems(ChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/hook/abc"), "the v1 hook takes plain text only");
        assertEquals(List.of("must be a lark robot webhook on open.larksuite.com (got host open.feishu.cn)"),
                urlProblems(ChannelKind.LARK, "https://open.feishu.cn/open-apis/bot/v2/hook/abc"));
        assertEquals(List.of("must not carry a user name or password"),
                urlProblems(ChannelKind.DINGTALK, "https://u:p@oapi.dingtalk.com/robot/send?access_token=abc"));
        assertEquals(List.of("must use the standard https port"),
                urlProblems(ChannelKind.DINGTALK, "https://oapi.dingtalk.com:8443/robot/send?access_token=abc"));
    }

    @Test
    void webhookUrls_mustNameAPublicHost_neverAnAddressOrAnInternalName() {
        assertEquals(List.of(), urlProblems(ChannelKind.WEBHOOK, "https://erp.shop.example.com:8443/replyguard"));
        for (String url : List.of("https://127.0.0.1/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x",
                "https://10.0.0.5/x", "https://2130706433/x", "https://0x7f000001/x")) {
            assertEquals(List.of("must name a public host, not an IP address"), urlProblems(ChannelKind.WEBHOOK, url), url);
        }
        // a host java.net.URI cannot read as a server name is refused too, as having no host
        for (String url : List.of("https://0x7f.0.0.1/x", "https://127.1/x")) {
            assertEquals(List.of("must be an absolute https URL with a host"), urlProblems(ChannelKind.WEBHOOK, url), url);
        }
        for (String url : List.of("https://localhost/x", "https://metadata.google.internal/x", "https://printer.local/x",
                "https://intranet/x")) {
            assertEquals(1, urlProblems(ChannelKind.WEBHOOK, url).size(), url);
        }
        assertEquals(List.of("must use https"), urlProblems(ChannelKind.WEBHOOK, "http://erp.example.com/x"));
        assertEquals(List.of("is not a URL"), urlProblems(ChannelKind.WEBHOOK, "https://exa mple.com/"));
        assertEquals(List.of("is required"), urlProblems(ChannelKind.WEBHOOK, null));
    }

    @Test
    void aWebhookHostResolvingToAPrivateAddress_isRefused() {
        List<String> p = OutboundUrls.problems(ChannelKind.WEBHOOK, "https://rebind.example.com/x", false,
                host -> List.of(new byte[] {93, (byte) 184, (byte) 216, 34}, new byte[] {10, 1, 2, 3}));
        assertEquals(List.of("names a host that resolves to a loopback, private, link-local or reserved address (rebind.example.com)"), p);
        assertEquals(List.of("names a host that does not resolve (gone.example.com)"),
                OutboundUrls.problems(ChannelKind.WEBHOOK, "https://gone.example.com/x", false, host -> List.of()));
        assertEquals(List.of(), OutboundUrls.problems(ChannelKind.WEBHOOK, "https://ok.example.com/x", false,
                host -> List.of(new byte[] {93, (byte) 184, (byte) 216, 34})));
    }

    @Test
    void onlyPublicUnicastAddresses_arePublic() {
        for (int[] a : new int[][] {{127, 0, 0, 1}, {10, 1, 1, 1}, {172, 16, 0, 1}, {172, 31, 255, 255}, {192, 168, 1, 1},
                {169, 254, 169, 254}, {100, 64, 0, 1}, {0, 0, 0, 0}, {224, 0, 0, 1}, {255, 255, 255, 255}, {198, 18, 0, 1},
                {192, 0, 2, 1}}) {
            assertFalse(OutboundUrls.isPublic(bytes(a)), Arrays.toString(a));
        }
        for (int[] a : new int[][] {{93, 184, 216, 34}, {8, 8, 8, 8}, {172, 32, 0, 1}, {100, 128, 0, 1}}) {
            assertTrue(OutboundUrls.isPublic(bytes(a)), Arrays.toString(a));
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        assertFalse(OutboundUrls.isPublic(mapped), "::ffff:169.254.x.x is link-local");
        byte[] loopback6 = new byte[16];
        loopback6[15] = 1;
        assertFalse(OutboundUrls.isPublic(loopback6));
        byte[] ula = new byte[16];
        ula[0] = (byte) 0xfd;
        assertFalse(OutboundUrls.isPublic(ula));
        byte[] linkLocal6 = new byte[16];
        linkLocal6[0] = (byte) 0xfe;
        linkLocal6[1] = (byte) 0x80;
        assertFalse(OutboundUrls.isPublic(linkLocal6));
        byte[] global6 = new byte[16];
        global6[0] = 0x24;
        global6[1] = 0x08;
        global6[15] = 1;
        assertTrue(OutboundUrls.isPublic(global6));
    }

    @Test
    void theLocalRunner_alone_mayUseHttpToLoopback() {
        String local = "http://127.0.0.1:45678/robot/send?access_token=t";
        assertEquals(List.of(), OutboundUrls.problems(ChannelKind.DINGTALK, local, true));
        assertFalse(OutboundUrls.problems(ChannelKind.DINGTALK, local, false).isEmpty(), "never without the local runner's flag");
        assertEquals(List.of(), OutboundUrls.problems(ChannelKind.WEBHOOK, "http://localhost:9/hooks/erp", true));
        assertFalse(OutboundUrls.problems(ChannelKind.WEBHOOK, "http://10.0.0.1:9/hooks/erp", true).isEmpty(),
                "the flag opens loopback only");
        assertFalse(OutboundUrls.problems(ChannelKind.DINGTALK, "http://127.0.0.1:45678/other?access_token=t", true).isEmpty(),
                "and still checks the vendor's path");
    }

    private static byte[] bytes(int[] a) {
        byte[] b = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = (byte) a[i];
        }
        return b;
    }
}
