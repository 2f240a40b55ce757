"""The bundled fonts, embedded as TrueType subsets, and per-character fallback between them.

Why this module exists: a notice must print the same on any PC, so every glyph comes from a
font file we ship (never a printer or viewer font, never a CID font such as STSong-Light that
is *not* embedded). Two faces are bundled:

* ``KAI``  – LXGW WenKai (楷体-like, has CJK Ext A + B: 竂 堉 䶮 𠮷). Body text of notices.
* ``HEI``  – Droid Sans Fallback (黑体-like, no Ext B, no curly quotes). Titles and tables.

Each piece of text asks for a *preferred* face; a character that face lacks is drawn with the
first bundled face that has it. A character no bundled face has is refused with
``UnprintableCharacterError`` naming it — a blank or a box on a posted notice would silently
change a villager's name.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from govdesk.errors import GovdeskError
from resources import resource_path

KAI = "GovdeskKai"
HEI = "GovdeskHei"
FONT_FILES: dict[str, str] = {
    KAI: "LXGWWenKai-Regular.ttf",
    HEI: "DroidSansFallbackFull.ttf",
}
# Order in which faces are tried when the preferred one lacks a character.
FALLBACK_ORDER: tuple[str, ...] = (KAI, HEI)

_lock = threading.Lock()
_registered = False


class UnprintableCharacterError(GovdeskError):
    """A character none of the bundled fonts can draw (it would come out blank or as a box)."""

    def __init__(self, char: str, context: str = "") -> None:
        self.char = char
        self.codepoint = ord(char)
        where = f"（出现在“{context}”中）" if context else ""
        super().__init__(
            f"无法打印字符“{char}”（U+{ord(char):04X}）{where}：内置字体中没有这个字。"
            "请核对该字的写法（可改用规范汉字），或联系维护人员增补字体。"
        )


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ToUnicode CMap with UTF-16BE targets, so characters beyond the BMP (𠮷) extract correctly.

    reportlab writes ``<%04X>`` of the code point, which for U+20BB7 gives the odd-length
    ``<20BB7>`` — copy/paste and text search then lose the character.
    """
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class EmbeddedTTFont(TTFont):
    """reportlab's subsetting TrueType font with a ToUnicode map that is right beyond the BMP."""

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 - reportlab's name
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap = pdfdoc.PDFStream()
            cmap.content = _to_unicode_cmap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


def ensure_fonts() -> None:
    """Register the bundled faces with reportlab once per process (thread-safe, cheap after the first call)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in FONT_FILES.items():
            path = resource_path("fonts", file_name)
            if not path.exists():
                raise GovdeskError(f"找不到内置字体文件 {file_name}，程序安装不完整，请重新安装。")
            pdfmetrics.registerFont(EmbeddedTTFont(name, str(path), asciiReadable=False))
        from govdesk.printing.linebreak import extend_reportlab_tables

        extend_reportlab_tables()  # for any code that still wraps with Paragraph(wordWrap="CJK")
        _coverage.clear()
        _registered = True


def _cmap(font: str) -> dict[int, int]:
    return pdfmetrics.getFont(font).face.charToGlyph  # type: ignore[no-any-return]


# (preferred face, character) -> face that draws it; filled lazily, shared by every document.
_coverage: dict[tuple[str, str], str] = {}
# Characters that are never drawn: controls and format marks (zero-width space, BOM, direction
# marks) and variation selectors, which reportlab cannot shape and which carry no ink.
_INVISIBLE_CATEGORIES = {"Cc", "Cf"}


def _is_variation_selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def clean_text(value: object) -> str:
    """Text as it will be printed: tabs and odd spaces become plain spaces, invisible marks go.

    Line breaks (``\\n``) are kept; they end a paragraph line.
    """
    text = "" if value is None else str(value)
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch in "\t\r\u00a0\u2002\u2003\u2009":
            out.append(" " if ch != "\r" else "")
        elif unicodedata.category(ch) in _INVISIBLE_CATEGORIES or _is_variation_selector(ch):
            continue
        else:
            out.append(ch)
    return "".join(out)


def font_for(ch: str, preferred: str) -> str:
    """The face that draws ``ch``: the preferred one if it can, else the first bundled face that can."""
    key = (preferred, ch)
    found = _coverage.get(key)
    if found is not None:
        return found
    ensure_fonts()
    cp = ord(ch)
    order = (preferred, *(f for f in FALLBACK_ORDER if f != preferred))
    for font in order:
        if cp in _cmap(font):
            _coverage[key] = font
            return font
    raise UnprintableCharacterError(ch)


def check_printable(text: str, context: str = "") -> None:
    """Raise ``UnprintableCharacterError`` for the first character no bundled face has."""
    for ch in text:
        if ch != "\n":
            try:
                font_for(ch, KAI)
            except UnprintableCharacterError:
                raise UnprintableCharacterError(ch, context or text[:40]) from None


def covered_by(text: str, font: str) -> bool:
    """True when one face draws every character of ``text`` (the fast path: one plain string)."""
    cmap = _cmap(font)
    return all(ord(ch) in cmap for ch in text)


def runs(text: str, preferred: str) -> list[tuple[str, str]]:
    """Split ``text`` into (face, piece) runs so each piece is drawn by a face that has it."""
    result: list[tuple[str, str]] = []
    current: str | None = None
    piece: list[str] = []
    for ch in text:
        try:
            font = font_for(ch, preferred)
        except UnprintableCharacterError:
            raise UnprintableCharacterError(ch, text[:40]) from None
        if font != current:
            if piece:
                result.append((current or preferred, "".join(piece)))
            current, piece = font, []
        piece.append(ch)
    if piece:
        result.append((current or preferred, "".join(piece)))
    return result


def paragraph_markup(text: str, preferred: str) -> str:
    """reportlab ``Paragraph`` markup for ``text``: escaped, with ``<font name=…>`` around each run
    the preferred face cannot draw. For code that needs a Paragraph; the engine uses ``TextBlock``."""
    from xml.sax.saxutils import escape

    parts: list[str] = []
    for face, piece in runs(clean_text(text), preferred):
        body = escape(piece).replace("\n", "<br/>")
        parts.append(body if face == preferred else f'<font name="{face}">{body}</font>')
    return "".join(parts)


def char_widths(text: str, preferred: str, size: float) -> list[float]:
    """Advance width of each character in points, measured in the face that will draw it."""
    widths: list[float] = []
    scale = size / 1000.0
    faces: dict[str, object] = {}
    for ch in text:
        font = font_for(ch, preferred)
        face = faces.get(font)
        if face is None:
            face = faces[font] = pdfmetrics.getFont(font).face
        widths.append(face.getCharWidth(ord(ch)) * scale)  # type: ignore[attr-defined]
    return widths


def text_width(text: str, preferred: str, size: float) -> float:
    """Width of a whole string with fallback applied."""
    if covered_by(text, preferred):
        return pdfmetrics.stringWidth(text, preferred, size)
    return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, preferred))


def all_fonts() -> Iterable[str]:
    ensure_fonts()
    return tuple(FONT_FILES)
