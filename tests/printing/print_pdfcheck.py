"""Helpers for reading back the PDFs the engine makes (pypdf)."""

from __future__ import annotations

import io
import re

import pypdf

SUBSET_PREFIX = re.compile(r"^/?[A-Z]{6}\+")


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without whitespace (justified lines may be extracted with spaces between characters)."""
    return re.sub(r"\s+", "", text)


def font_problems(pdf: bytes) -> list[str]:
    """Every font on every page must be an embedded TrueType subset (FontFile2, XXXXXX+Name)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    problems: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        if not fonts:
            continue
        for name, ref in fonts.get_object().items():
            font = ref.get_object()
            base = str(font.get("/BaseFont", ""))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                problems.append(f"page {number} {name} {base}: no FontDescriptor (not embedded)")
                continue
            if "/FontFile2" not in descriptor.get_object():
                problems.append(f"page {number} {name} {base}: no FontFile2")
            if not SUBSET_PREFIX.match(base):
                problems.append(f"page {number} {name} {base}: not a subset")
    return problems
