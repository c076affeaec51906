package com.replyguard.ports;

import com.replyguard.merchant.Merchant;
import com.replyguard.merchant.MerchantId;
import java.util.Optional;

/** Port: the merchants (tenants) the system serves. Empty means "no such merchant", never an outage. */
public interface MerchantDirectory {
    Optional<Merchant> find(MerchantId id);
}
