-- When the token a ticket was issued for stops being valid (its exp, or its iat plus kefu.jwt.max-age-seconds,
-- whichever comes first): a socket opened with the ticket is closed then (SocketExpiry). Null for tickets
-- issued before this column: the redeeming node then allows the longest a token may live.
ALTER TABLE ws_ticket ADD COLUMN token_ends_at TIMESTAMP WITH TIME ZONE;
