"""SQLite storage (stdlib): per-server settings, the anniversary post ledger, the misses log."""
