package com.replyguard.testing;

import com.replyguard.merchant.Manager;
import com.replyguard.merchant.MerchantId;
import java.util.Set;

/** Test vocabulary: managers of a merchant. */
public final class Managers {
    private Managers() {
    }

    public static Manager supervisor(MerchantId merchant) {
        return new Manager(merchant, Manager.Role.SUPERVISOR, Set.of());
    }
}
