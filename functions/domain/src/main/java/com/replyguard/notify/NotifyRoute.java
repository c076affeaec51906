package com.replyguard.notify;

import com.replyguard.conversation.Channel;
import java.util.List;
import java.util.Set;

/**
 * Which notices go to which channels: by type, by ladder level ({@code minLevel}/{@code maxLevel},
 * inclusive, null: unbounded; a warning is level 0), by the conversation's channel and by the team
 * of the agent responsible (empty: any), except during its quiet hours (null: none).
 */
public record NotifyRoute(Set<NoticeType> notices, Integer minLevel, Integer maxLevel, Set<Channel> conversationChannels,
        Set<String> teams, QuietHours quietHours, List<String> channels) {
    public NotifyRoute {
        notices = Set.copyOf(notices);
        conversationChannels = Set.copyOf(conversationChannels);
        teams = Set.copyOf(teams);
        channels = List.copyOf(channels);
    }

    /** Whether a notice goes this way at the instant it is about, given the responsible agent's team (null: unknown). */
    public boolean takes(Notice notice, String team) {
        if (!notices.contains(notice.type())) {
            return false;
        }
        if (quietHours != null && quietHours.contains(notice.at())) {
            return false;
        }
        if (notice instanceof AlertNotice a) {
            if ((minLevel != null && a.level() < minLevel) || (maxLevel != null && a.level() > maxLevel)) {
                return false;
            }
            if (!conversationChannels.isEmpty() && !conversationChannels.contains(a.channel())) {
                return false;
            }
            return teams.isEmpty() || (team != null && teams.contains(team));
        }
        // a closed cycle concerns the whole merchant: no level, channel or team to narrow by
        return minLevel == null && maxLevel == null && conversationChannels.isEmpty() && teams.isEmpty();
    }
}
