package shop.kefu.dialog;

/** What a shopper message is about, as far as the embedded engine needs to know. */
public enum Intent {
    AFTERSALES_REQUEST, ORDER_STATUS, AFTERSALES_STATUS, VISIT, COMPLAINT, FAQ
}
