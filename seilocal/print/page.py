"""The page furniture of a printed form: embedded DejaVu font, status watermark, header and footer."""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

from seilocal.print.fonts import FontFiles
from seilocal.print.table import Grid, TableStyle

FONT = "DejaVu"
BODY_PT = 9.0
TABLE_PT = 8.0
HEADING_PT = 12.0
MARGIN_MM = 15.0

# Light grey at low opacity: the watermark must never hide the text printed over it.
WATERMARK_GREY = 150
WATERMARK_OPACITY = 0.22
LABEL_GREY = 90
HEADING_FILL = (225, 230, 236)
TABLE_HEAD_FILL = (238, 238, 238)


def _page_count_alias() -> str:
    """A page-count placeholder no printed value can contain: fpdf2 replaces its alias in *every* text, so with
    the default `{nb}` a patient named "{nb}" would print as the page count. Three random private-use
    characters, new for each PDF (they never reach the file: fpdf2 swaps them for the number; three long,
    so the footer keeps the width fpdf2 reserves for `{nb}`)."""
    return "".join(chr(0xE000 + secrets.randbelow(0x1900)) for _ in range(3))


@dataclass(frozen=True)
class PageTexts:
    """What the header and footer of every page say."""

    clinic_name: str | None
    title: str
    patient_line: str
    printed_at: str
    watermark: str


class FormPDF(FPDF):
    """An A4 page with the form's header, footer and status watermark on every page."""

    def __init__(self, texts: PageTexts, fonts: FontFiles) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.texts = texts
        self.add_font(FONT, "", str(fonts.regular))
        self.add_font(FONT, "B", str(fonts.bold))
        self.content_top = MARGIN_MM
        self._widths: dict[tuple[str, float, str], float] = {}
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=18)
        self.set_font(FONT, "", BODY_PT)
        self.page_count_alias = _page_count_alias()
        self.alias_nb_pages(self.page_count_alias)

    def header(self) -> None:
        """Draw the watermark first (so the page's text lies over it), then the running header."""
        self._watermark()
        self.set_y(8)
        self.set_text_color(60)
        self.set_font(FONT, "B", 8)
        self.cell(self.epw / 2, 4, self.texts.clinic_name or "", align="L")
        self.cell(self.epw / 2, 4, self.texts.title, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 8)
        self.cell(self.epw, 4, self.texts.patient_line, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(170)
        self.line(self.l_margin, self.y + 1, self.w - self.r_margin, self.y + 1)
        self.set_text_color(0)
        self.set_font(FONT, "", BODY_PT)
        self.set_y(self.y + 4)
        self.content_top = self.y

    def footer(self) -> None:
        """The print time and `Side x af y`."""
        self.set_y(-12)
        self.set_text_color(60)
        self.set_font(FONT, "", 8)
        self.cell(self.epw / 2, 4, f"Udskrevet {self.texts.printed_at}", align="L")
        self.cell(self.epw / 2, 4, f"Side {self.page_no()} af {self.page_count_alias}", align="R")

    def _watermark(self) -> None:
        word = self.texts.watermark
        cx, cy = self.w / 2, self.h / 2
        # Along the page's diagonal, sized so the longest word (ANNULLERET) still fits inside the page.
        angle = math.degrees(math.atan2(self.h, self.w))
        with self.local_context(fill_opacity=WATERMARK_OPACITY, text_color=WATERMARK_GREY):
            self.set_font(FONT, "B", 100)
            width_at_100 = self.get_string_width(word)
            size = min(130.0, 100 * 0.72 * math.hypot(self.w, self.h) / max(width_at_100, 1e-6))
            self.set_font(FONT, "B", size)
            width = self.get_string_width(word)
            cap_mm = size * 0.3528 * 0.73  # DejaVu's cap height is about 0.73 em; centre the capitals
            with self.rotation(angle, x=cx, y=cy):
                self.text(cx - width / 2, cy + cap_mm / 2, word)

    def measure(self, text: str) -> float:
        """The width in mm of `text` in the current font, cached (tables measure the same words often)."""
        key = (self.font_style, self.font_size_pt, text)
        width = self._widths.get(key)
        if width is None:
            assert self.current_font is not None
            # The font's own width sum, as get_string_width() does for unshaped text, without its bidi pass.
            width = self.current_font.get_text_width(text, self.font_size_pt, None)[1] / self.k
            self._widths[key] = width
        return width

    # --- building blocks used by the sections -------------------------------------------------------

    def ensure_space(self, height: float) -> None:
        """Start a new page unless `height` mm fit above the bottom margin (keeps a heading with its rows)."""
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str) -> None:
        """A section heading on a tinted band."""
        self.ensure_space(26)
        self.set_y(self.y + 3)
        # A local fill colour, so nothing drawn later inherits the band's tint.
        with self.local_context(fill_color=HEADING_FILL):
            self.set_font(FONT, "B", HEADING_PT)
            self.cell(self.epw, 7, text, fill=True, new_x="LMARGIN", new_y="NEXT")
        self.set_y(self.y + 1.5)
        self.set_font(FONT, "", BODY_PT)

    def subheading(self, text: str, room: float = 22) -> None:
        """A bold one-line title of a part of a section, kept with at least `room` mm below it."""
        self.ensure_space(room)
        self.set_y(self.y + 1.5)
        self.set_font(FONT, "B", BODY_PT + 1)
        if self.measure(text) <= self.epw - 2 * self.c_margin:
            self.cell(self.epw, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:  # multi_cell() is slow, so only for a title that would run off the page (odd typed times)
            self.multi_cell(self.epw, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", BODY_PT)

    def note(self, text: str) -> None:
        """A plain line, e.g. `Ingen` under an empty section."""
        self.set_font(FONT, "", BODY_PT)
        self.multi_cell(self.epw, 5, text, new_x="LMARGIN", new_y="NEXT")

    def fields(self, pairs: Sequence[tuple[str, str]], per_row: int = 2) -> None:
        """Label/value pairs laid out `per_row` to a row; long values wrap inside their cell."""
        widths = [22, 28] * per_row if per_row == 2 else [22, 78]
        style = TableStyle(FONT, size_pt=TABLE_PT, column_grey=(LABEL_GREY, None) * per_row)
        rows = []
        for start in range(0, len(pairs), per_row):
            chunk = list(pairs[start : start + per_row])
            chunk += [("", "")] * (per_row - len(chunk))
            rows.append([text for pair in chunk for text in pair])
        Grid(self, widths, style, measure=self.measure).draw(rows)
        self.set_font(FONT, "", BODY_PT)
        self.set_y(self.y + 1)

    def grid(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """A table whose heading row is repeated on every page it runs onto."""
        style = TableStyle(FONT, size_pt=TABLE_PT, heading_fill=TABLE_HEAD_FILL)
        Grid(self, widths, style, headings, measure=self.measure).draw(rows)
        self.set_font(FONT, "", BODY_PT)
        self.set_y(self.y + 1.5)
