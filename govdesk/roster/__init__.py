"""Duty rosters (值班): the calendar of day kinds and the fair generator (pure domain), plus demo data."""
