"""The duty roster's prints as the print archive names them (值班表, 值班挂牌).

Kept apart from ``govdesk.roster.prints`` (which loads the PDF engine) so the window can name
archived roster prints without loading reportlab before anything is printed.
"""

from __future__ import annotations

from govdesk.services.printing import register_print_kind

ARCHIVE_ROSTER = "roster.month"
ARCHIVE_PLAQUE = "roster.plaque"
register_print_kind(ARCHIVE_ROSTER, "值班表")
register_print_kind(ARCHIVE_PLAQUE, "值班挂牌")
