"""五星支部: the scorecard's rules (``rules``), kept apart from reading and writing."""
