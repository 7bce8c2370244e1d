package shop.kefu.policy;

/** Why the shopper asks. */
public enum ClaimReason {
    SPOILED("变质/腐烂"), DAMAGED("破损"), WRONG_ITEM("发错货"), MISSING("漏发/少件"), QUALITY("质量问题"),
    NO_REASON("无理由"), PRICE_DROP("降价"),
    /** Compensation an agent grants (e.g. for a late delivery), within the frontline limit. */
    GOODWILL("补偿");

    public final String label;

    ClaimReason(String label) {
        this.label = label;
    }
}
