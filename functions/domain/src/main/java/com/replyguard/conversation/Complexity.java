package com.replyguard.conversation;

/** R3, R5, R11: simple questions get answers, complex ones get solutions. */
public enum Complexity { SIMPLE, COMPLEX }
