package com.replyguard.conversation;

/** Where a conversation happens (requirements: channels named in the documents). */
public enum Channel {
    LIVE_COMMENT, DIRECT_MESSAGE, CS_CHAT, HOTLINE, EMAIL;

    /** R13-R15: the platform assesses only the chat window and private messages. */
    public boolean isPlatformAssessed() {
        return this == CS_CHAT || this == DIRECT_MESSAGE;
    }
}
