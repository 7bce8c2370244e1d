-- One row per order line that has been claimed on. A claim is evaluated and stored while its row is
-- locked (SELECT ... FOR UPDATE), so two claims racing on one item see each other: together they can
-- never be granted more than was paid, nor more at once than the instant-payout limit.
CREATE TABLE claim_lock (
    order_id VARCHAR(64) NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    PRIMARY KEY (order_id, sku)
);
