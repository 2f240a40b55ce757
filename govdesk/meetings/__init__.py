"""三会一课 and the other meetings of a Party branch: kinds, schedule rules, who should attend."""
