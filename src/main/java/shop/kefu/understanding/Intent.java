package shop.kefu.understanding;

/** What a shopper message is about, as far as the embedded engine needs to know. */
public enum Intent {
    /** Reports a problem with goods bought, or asks for a refund, return, exchange, reship or price difference. */
    AFTERSALES,
    /** Asks how something works or what the rules are: answered from the knowledge base. */
    QUESTION,
    ORDER_STATUS,
    AFTERSALES_STATUS,
    INSTALL,
    REPAIR,
    COMPLAINT,
    OTHER
}
