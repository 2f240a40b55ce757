"""Full-width characters registers are typed with, and their ASCII twins.

Chinese input methods often leave digits, the X of an ID number and date separators in
full-width form (１９９０．１．５, ３３０７８４…Ｘ). ID numbers, phones, dates and search queries all
read them through this one table, so a character accepted in one field is accepted in all.
"""

from __future__ import annotations

FULLWIDTH_TO_ASCII = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＸｘＡ－．／"}


def to_ascii(text: str) -> str:
    """Full-width digits, Ｘ/ｘ, Ａ and －．／ as their ASCII forms; everything else unchanged."""
    return text.translate(FULLWIDTH_TO_ASCII)
