"""The 交渉記録 area: every negotiation record across debtors (newest first, with filters), the record's
debtor card opened in place, and the 交渉記録報告書 previewed, printed and saved from here."""
