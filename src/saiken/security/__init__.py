"""Key derivation, key slots, device secret (keyring), recovery key, audit chain, password policy."""
