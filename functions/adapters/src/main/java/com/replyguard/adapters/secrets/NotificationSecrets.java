package com.replyguard.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.replyguard.merchant.MerchantId;
import java.util.Map;

/**
 * Where a merchant's robot URLs and signing secrets live apart from the settings table (Secrets
 * Manager in AWS): {@code {"channels": {"<id>": {"url": "…", "secret": "…"}}}}, with the version the
 * settings item names, so a reader asks for the credentials that belong to the settings it read.
 */
public interface NotificationSecrets {
    /** The credentials of {@code version}; throws when they cannot be read (an outage, never "none"). */
    JsonNode read(MerchantId merchant, String version);

    void write(MerchantId merchant, String version, Map<String, Object> credentials);
}
