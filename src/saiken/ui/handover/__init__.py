"""The 受渡・管理簿 area: the custody ledger with its open media, the engagements and counterparts, and the
next package's contents."""
