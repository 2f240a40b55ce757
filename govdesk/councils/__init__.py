"""村湾理事会 and 村规民约: the rules of councils, terms, meetings and charter versions."""
