package com.replyguard.conversation;

/** Who acted on the merchant's side (requirements: who uses the system). */
public enum AgentRole { HOST, ASSISTANT, PRESALES, AFTERSALES, TEAM_LEAD, SUPERVISOR }
