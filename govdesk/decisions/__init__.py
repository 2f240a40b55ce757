"""The 五议两公开 decision log: rules (quorum), procedures as data, the hash chain, state replay."""
