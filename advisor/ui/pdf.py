"""PDF export of the Markdown documents the library writes (the assessment's audit trail), with fpdf2.

The PDF is drawn from the very Markdown the download button offers, so the two exports never disagree. Only the
subset that advisor.assessment.to_markdown writes is understood: headings (#, ##, ###), paragraphs, block quotes,
bullets (two levels), numbered items, tables and **bold**. fpdf2 ships no Unicode font, so DejaVu Sans is taken
from matplotlib (mpl-data/fonts/ttf), which every install of this project has: æ, ø, å, «», – and § all print.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf", "BI": "DejaVuSans-BoldOblique.ttf"}
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_INK = (31, 42, 54)
_MUTED = (95, 107, 120)
_ACCENT = (47, 111, 159)


def font_dir() -> Path:
    """matplotlib's bundled TrueType fonts."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _inline(text: str) -> str:
    """Markdown inline syntax to what fpdf2's markdown=True understands: keep **bold**, drop `code` ticks and escapes."""
    text = text.replace("\\|", "|").replace("`", "")
    # fpdf2 reads "--" as underline and "__" as italics: keep them literal.
    return text.replace("--", "‑‑").replace("__", "_\u200b_")


def _plain(text: str) -> str:
    return _inline(text).replace("**", "")


def _split_row(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return [_plain(cell.strip()) for cell in cells]


class _Document(FPDF):
    def __init__(self, title: str, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self._title = title
        self._footer_text = footer_text
        folder = font_dir()
        for style, name in _FONT_FILES.items():
            self.add_font(FONT, style, str(folder / name))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_title(title)
        self.set_creator("advisor")
        self.alias_nb_pages()

    def footer(self) -> None:  # noqa: D102 - fpdf2 hook
        self.set_y(-12)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*_MUTED)
        self.cell(0, 5, f"{self._footer_text}   ·   {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(*_INK)


def markdown_to_pdf(markdown: str, title: str, footer_text: str = "") -> bytes:
    """A tidy A4 PDF of a Markdown document (the subset described in the module docstring)."""
    pdf = _Document(title, footer_text or title)
    pdf.add_page()
    pdf.set_text_color(*_INK)
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        stripped = line.strip()
        if not stripped:
            pdf.ln(1.5)
            i += 1
            continue
        if stripped.startswith("|"):
            block = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                block.append(lines[i])
                i += 1
            _table(pdf, block)
            continue
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            _heading(pdf, stripped[level:].strip(), level)
        elif stripped.startswith(">"):
            _paragraph(pdf, stripped.lstrip("> ").strip(), size=8.5, style="I", colour=_MUTED, indent=4)
        elif line.startswith("  - ") or line.startswith("    - "):
            _bullet(pdf, stripped[2:], indent=10, marker="–")
        elif stripped.startswith("- "):
            _bullet(pdf, stripped[2:], indent=4, marker="•")
        elif _NUMBERED.match(stripped):
            number, text = _NUMBERED.match(stripped).groups()
            _bullet(pdf, text, indent=4, marker=f"{number}.")
        else:
            _paragraph(pdf, stripped)
        i += 1
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str, level: int) -> None:
    size = {1: 16, 2: 12.5, 3: 10.5}.get(level, 10)
    pdf.ln(3 if level > 1 else 0)
    if pdf.will_page_break(size * 1.6):
        pdf.add_page()
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*(_ACCENT if level <= 2 else _INK))
    pdf.multi_cell(0, size * 0.5, _plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*_INK)
    pdf.ln(1.5)


def _paragraph(pdf: FPDF, text: str, size: float = 9.5, style: str = "", colour=_INK, indent: float = 0) -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.48, _inline(text), align="L", markdown=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*_INK)
    pdf.ln(0.8)


def _bullet(pdf: FPDF, text: str, indent: float, marker: str) -> None:
    size = 9.5
    pdf.set_font(FONT, "", size)
    x = pdf.l_margin + indent
    width = 6 if len(marker) <= 2 else 8
    pdf.set_x(x)
    pdf.cell(width, size * 0.48, marker, new_x=XPos.RIGHT, new_y=YPos.TOP)
    pdf.multi_cell(0, size * 0.48, _inline(text), align="L", markdown=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.6)


def _table(pdf: FPDF, block: list[str]) -> None:
    rows = [_split_row(line) for line in block if not _TABLE_SEPARATOR.match(line.strip())]
    if not rows:
        return
    n_cols = max(len(r) for r in rows)
    rows = [r + [""] * (n_cols - len(r)) for r in rows]
    if n_cols >= 6:
        _records(pdf, rows)
        return
    size = 7.5 if n_cols >= 5 else 8.5
    pdf.set_font(FONT, "", size)
    weights = _column_widths(pdf, rows, padding_mm=1.2)
    pdf.ln(1)
    with pdf.table(
        col_widths=weights,
        line_height=size * 0.5,
        text_align="LEFT",
        first_row_as_headings=True,
        headings_style=_heading_style(),
        borders_layout="HORIZONTAL_LINES",
        padding=(1, 0.6),
        width=pdf.epw,
    ) as table:
        for row in rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(2)


def _records(pdf: FPDF, rows: list[list[str]]) -> None:
    """A wide table (the audit trail) as one block per row: too many columns for a portrait page."""
    header, body = rows[0], rows[1:]
    size = 8.5
    for row in body:
        if pdf.will_page_break(size * 2.2):
            pdf.add_page()
        pdf.set_font(FONT, "B", size)
        pdf.set_fill_color(236, 241, 246)
        pdf.multi_cell(0, size * 0.55, f"{row[0]}. {row[1]}", fill=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for name, value in zip(header[2:], row[2:], strict=True):
            if not value:
                continue
            pdf.set_x(pdf.l_margin + 3)
            pdf.set_font(FONT, "", size)
            pdf.multi_cell(0, size * 0.5, f"**{name}:** {value}", markdown=True, align="L",
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(family=FONT, emphasis="BOLD", color=_INK, fill_color=(236, 241, 246))


def _column_widths(pdf: FPDF, rows: list[list[str]], padding_mm: float) -> list[float]:
    """Column widths in mm: each at least as wide as its longest word (in the current font), the rest of the
    page shared by mean text length, so identifiers are not broken mid-word and long prose gets the room."""
    n_cols = len(rows[0])
    minimum, mean = [], []
    for col in range(n_cols):
        words = [word for r in rows for word in r[col].split()] or [" "]
        widest = max(pdf.get_string_width(word) for word in words) * 1.12 + 2 * padding_mm + 0.5
        minimum.append(min(widest, pdf.epw * 0.28))
        mean.append(sum(len(r[col]) for r in rows) / len(rows))
    spare = pdf.epw - sum(minimum)
    if spare <= 0:
        return [w * pdf.epw / sum(minimum) for w in minimum]
    total = sum(mean) or 1.0
    return [w + spare * m / total for w, m in zip(minimum, mean, strict=True)]
