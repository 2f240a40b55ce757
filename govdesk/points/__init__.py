"""积分制 (Party members' points): the rules as plain functions, the ledger helpers, automatic entries."""
