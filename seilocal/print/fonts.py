"""Which DejaVu font files a print embeds: a small "core" cut for the usual text, the full fonts otherwise.

fpdf2 parses a TrueType font in full on every document (about 60 ms per DejaVu face) and subsets it again
on output; that alone would eat half the print budget. The core cut keeps DejaVu's Latin, punctuation and
symbol blocks (about a third of the glyphs, no layout tables), with the same outlines and widths. A form
that uses any other character (Greek in a catalog text, Cyrillic in a name) is printed with the full fonts.

The core files are generated from the full ones and committed; regenerate them after updating DejaVu with
`python -m seilocal.print.fonts`. DejaVu's licence allows modified copies under a name without
"Bitstream" or "Vera" (assets/fonts/LICENSE-DejaVu.txt).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from seilocal.resources import asset_path

FULL = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
CORE = {"": "DejaVuSans-Core.ttf", "B": "DejaVuSans-Bold-Core.ttf"}

# Latin (with extensions and combining marks), punctuation, currency, letter-like symbols, arrows,
# mathematical operators and geometric shapes: what Danish forms and text pasted from Word use.
CORE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x02B0, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x25A0, 0x25FF),
    (0xFFFD, 0xFFFD),
)
# Control characters never reach the page (text.clean() turns them into blanks or line breaks).
_IGNORED = frozenset(chr(cp) for cp in [*range(0x20), 0x7F])


@dataclass(frozen=True)
class FontFiles:
    """The regular and bold font file of one print."""

    regular: Path
    bold: Path


def core_paths() -> FontFiles:
    """The core cut's files."""
    return FontFiles(asset_path("fonts", CORE[""]), asset_path("fonts", CORE["B"]))


def full_paths() -> FontFiles:
    """The full DejaVu Sans files."""
    return FontFiles(asset_path("fonts", FULL[""]), asset_path("fonts", FULL["B"]))


@lru_cache(maxsize=1)
def core_coverage() -> frozenset[int]:
    """The code points both core files can draw (empty when they are missing: then the full fonts serve)."""
    paths = core_paths()
    if not (paths.regular.is_file() and paths.bold.is_file()):
        return frozenset()
    from fontTools.ttLib import TTFont  # fontTools comes with fpdf2; only needed once per process

    covered: set[int] | None = None
    for path in (paths.regular, paths.bold):
        with TTFont(path, lazy=True) as font:
            cmap = set(font.getBestCmap() or {})
        covered = cmap if covered is None else covered & cmap
    return frozenset(covered or ())


def fonts_for(texts: Iterable[str]) -> FontFiles:
    """The core cut when it can draw every character of `texts`, the full fonts otherwise."""
    coverage = core_coverage()
    if not coverage:
        return full_paths()
    for text in texts:
        for char in text:
            if ord(char) not in coverage and char not in _IGNORED:
                return full_paths()
    return core_paths()


def build_core_fonts(target: Path | None = None) -> list[Path]:
    """Cut the core fonts out of the full DejaVu files (a maintenance step, not run by the app)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    target = target or asset_path("fonts")
    unicodes = [cp for low, high in CORE_RANGES for cp in range(low, high + 1)]
    written = []
    for style, name in FULL.items():
        options = subset.Options()
        options.notdef_outline = True
        options.glyph_names = True
        options.recalc_timestamp = False
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.name_legacy = True
        # fpdf2 neither shapes text nor hints glyphs: layout and hinting tables only cost parsing time.
        options.layout_features = []
        options.hinting = False
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
        with TTFont(asset_path("fonts", name)) as font:
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes)
            subsetter.subset(font)
            out = target / CORE[style]
            font.save(out)
        written.append(out)
    return written


if __name__ == "__main__":
    for path in build_core_fonts():
        print(path)
