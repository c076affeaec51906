package com.replyguard.merchant;

import com.replyguard.clock.SlaPolicy;
import com.replyguard.conversation.UrgencyRules;
import com.replyguard.discipline.DisciplineRules;
import com.replyguard.discipline.Shifts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the system knows of one merchant (tenant): its webhook secrets (more than one while a
 * secret is rotated), the key its customers' ids are pseudonymised with, and its assessment
 * settings. Invariant: at least one webhook secret; secrets never appear in toString().
 */
public final class Merchant {
    private final MerchantId id;
    private final List<String> webhookSecrets;
    private final byte[] customerHashKey;
    private final PolicyHistory policies;
    private final String douyinClientSecret;
    private final DoudianApp doudian;
    private final Duration textRetention;

    /** A merchant with the contract's default policy, urgency rules, discipline, no shifts and no 抖音 app. */
    public Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, AssessedHours assessedHours) {
        this(id, webhookSecrets, customerHashKey, assessedHours, SlaPolicy.DEFAULT, UrgencyRules.DEFAULT,
                DisciplineRules.DEFAULT, Shifts.NONE, null);
    }

    /** {@code douyinClientSecret} may be null: no 抖音 open-platform app connected. */
    public Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, AssessedHours assessedHours,
            SlaPolicy policy, UrgencyRules urgency, DisciplineRules discipline, Shifts shifts, String douyinClientSecret) {
        this(id, webhookSecrets, customerHashKey, assessedHours, policy, urgency, discipline, shifts, douyinClientSecret, null);
    }

    /** {@code doudian} may be null: no 抖店 app connected. */
    public Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, AssessedHours assessedHours,
            SlaPolicy policy, UrgencyRules urgency, DisciplineRules discipline, Shifts shifts, String douyinClientSecret,
            DoudianApp doudian) {
        this(id, webhookSecrets, customerHashKey, assessedHours, policy, urgency, discipline, shifts, douyinClientSecret, doudian,
                null);
    }

    private Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, AssessedHours assessedHours,
            SlaPolicy policy, UrgencyRules urgency, DisciplineRules discipline, Shifts shifts, String douyinClientSecret,
            DoudianApp doudian, Duration textRetention) {
        this(id, webhookSecrets, customerHashKey, PolicyHistory.of(PolicyVersion.configured(
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(urgency, "urgency"),
                Objects.requireNonNull(assessedHours, "assessedHours"), Objects.requireNonNull(discipline, "discipline"),
                Objects.requireNonNull(shifts, "shifts"))), douyinClientSecret, doudian, textRetention);
    }

    private Merchant(MerchantId id, List<String> webhookSecrets, byte[] customerHashKey, PolicyHistory policies,
            String douyinClientSecret, DoudianApp doudian, Duration textRetention) {
        this.id = Objects.requireNonNull(id, "id");
        this.webhookSecrets = List.copyOf(webhookSecrets);
        if (this.webhookSecrets.isEmpty() || this.webhookSecrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("merchant " + id + " needs at least one non-empty webhook secret");
        }
        if (customerHashKey == null || customerHashKey.length < 16) {
            throw new IllegalArgumentException("merchant " + id + " needs a customer hash key of at least 16 bytes");
        }
        this.customerHashKey = customerHashKey.clone();
        this.policies = Objects.requireNonNull(policies, "policies");
        this.douyinClientSecret = douyinClientSecret;
        this.doudian = doudian;
        if (textRetention != null && (textRetention.isNegative() || textRetention.isZero()
                || textRetention.compareTo(Duration.ofDays(365)) > 0)) {
            throw new IllegalArgumentException("merchant " + id + ": text retention must be 1 to 365 days");
        }
        this.textRetention = textRetention;
    }

    /** R23, R29: how long customers' message text is kept, when the merchant opted in (empty: never stored). */
    public Optional<Duration> textRetention() {
        return Optional.ofNullable(textRetention);
    }

    /** The same merchant keeping message text for {@code retention} (null: not at all). */
    public Merchant withTextRetention(Duration retention) {
        return new Merchant(id, webhookSecrets, customerHashKey, policies, douyinClientSecret, doudian, retention);
    }

    /** The 抖店 app whose pushes (orders, after-sales) this merchant receives, when connected. */
    public Optional<DoudianApp> doudian() {
        return Optional.ofNullable(doudian);
    }

    /**
     * The same merchant with the secrets kept outside its configuration (Secrets Manager): webhook
     * secrets (two during a rotation), the 抖音 client secret and the 抖店 app; null keeps the current one.
     */
    public Merchant withSecrets(List<String> newWebhookSecrets, String newDouyinClientSecret, DoudianApp newDoudian) {
        return new Merchant(id, newWebhookSecrets == null ? webhookSecrets : newWebhookSecrets, customerHashKey, policies,
                newDouyinClientSecret == null ? douyinClientSecret : newDouyinClientSecret,
                newDoudian == null ? doudian : newDoudian, textRetention);
    }

    /** The same merchant with its 抖店 app. */
    public Merchant withDoudian(DoudianApp app) {
        return new Merchant(id, webhookSecrets, customerHashKey, policies, douyinClientSecret, app, textRetention);
    }

    /** The 抖音 open platform app's client secret, when the merchant connected one (webhook signatures). */
    public Optional<String> douyinClientSecret() {
        return Optional.ofNullable(douyinClientSecret);
    }

    /** The same merchant with its 抖音 open-platform client secret. */
    public Merchant withDouyinClientSecret(String secret) {
        return new Merchant(id, webhookSecrets, customerHashKey, policies, secret, doudian, textRetention);
    }

    /** Every version of the merchant's policy; each rule judges by the version in force at the start of what it judges. */
    public PolicyHistory policies() {
        return policies;
    }

    /** R30: the current version's shifts and their agents. */
    public Shifts shifts() {
        return policies.current().shifts();
    }

    /** R19, R20: what timeouts lead to for an agent (the current version's thresholds). */
    public DisciplineRules discipline() {
        return policies.current().discipline();
    }

    /** The current version's clock targets, warning share and escalation ladder. */
    public SlaPolicy policy() {
        return policies.current().sla();
    }

    /** R9: the current version's rules that find urgent customer messages in their text. */
    public UrgencyRules urgency() {
        return policies.current().urgency();
    }

    /**
     * The same merchant with another configured policy (version 0: clock targets and ladder, urgency
     * rules, assessed hours, discipline, shifts), the later versions kept.
     */
    public Merchant withPolicy(SlaPolicy newPolicy, UrgencyRules newUrgency, AssessedHours newHours,
            DisciplineRules newDiscipline, Shifts newShifts) {
        return withPolicies(policies.withConfigured(PolicyVersion.configured(newPolicy, newUrgency, newHours, newDiscipline,
                newShifts)));
    }

    /** The same merchant with these policy versions. */
    public Merchant withPolicies(PolicyHistory newPolicies) {
        return new Merchant(id, webhookSecrets, customerHashKey, newPolicies, douyinClientSecret, doudian, textRetention);
    }

    public MerchantId id() {
        return id;
    }

    public List<String> webhookSecrets() {
        return webhookSecrets;
    }

    public byte[] customerHashKey() {
        return customerHashKey.clone();
    }

    /** The current version's assessed hours. */
    public AssessedHours assessedHours() {
        return policies.current().assessedHours();
    }

    @Override
    public String toString() {
        return "Merchant[" + id + "]";
    }
}
