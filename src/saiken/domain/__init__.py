"""Pure rules and values: money, charges, instalments, limitation, era dates, text folding. No I/O."""
