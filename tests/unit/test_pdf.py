"""The printed form (product.md F5 "Print"): text extracted from the PDF with pdftotext."""

from __future__ import annotations

import pytest

from seilocal.model.form import Form
from seilocal.print.fonts import CORE, CORE_RANGES, FULL, core_paths, fonts_for, full_paths
from seilocal.print.table import wrap
from seilocal.print.text import format_time
from seilocal.resources import asset_path
from tests.support.pdf import TYPOGRAPHIC, full_form, needs_pdftotext, pages_of, render, text_of

SECTIONS = [
    "Skemainformation",
    "Patient",
    "Forløbsoplysninger",
    "Henvisning",
    "Betaling",
    "Forløbsmarkører",
    "Patientkontakter",
    "Procedurer uden patientkontakt",
    "Resultatindberetninger",
]


@pytest.fixture(scope="module")
def full_text() -> str:
    return text_of(render(full_form()))


@needs_pdftotext
def test_every_section_heading_is_printed_in_screen_order(full_text: str) -> None:
    positions = [full_text.find(f" {heading} ") for heading in SECTIONS]
    assert all(position >= 0 for position in positions), dict(zip(SECTIONS, positions, strict=True))
    assert positions == sorted(positions)


@needs_pdftotext
def test_header_block_shows_cpr_name_status_and_course(full_text: str) -> None:
    assert "CPR-nummer 0101801235" in full_text
    assert "Søren Ærø-Østergård" in full_text
    assert "Status Kladde" in full_text
    assert "Forløbsstart 03-11-2026 09:30" in full_text
    assert "Startmarkør AFV01A1 – Henvist til pakkeforløb start" in full_text


@needs_pdftotext
def test_contact_diagnosis_and_procedure_are_printed_with_catalog_text(full_text: str) -> None:
    assert "Kontakt 1: 03-11-2026 10:00 – 03-11-2026 10:45" in full_text
    assert "Aktionsdiagnose DC509 – Brystkræft UNS" in full_text
    assert "KHAC20 – Sektorresektion af bryst" in full_text
    # A code the catalog does not know is printed alone.
    assert "TUL2" in full_text and "ZDW10" in full_text


@needs_pdftotext
def test_times_are_danish_and_unparsable_times_are_printed_verbatim(full_text: str) -> None:
    assert "03-11-2026 09:30" in full_text
    assert "2026-11-03T09:30:00" not in full_text
    assert "31-02-2026 10:00" in full_text  # referral time as typed
    # Canonical shape but an impossible date: as stored (a narrow column may break it, hence no blanks).
    assert "2026-02-31T10:00:00" in full_text.replace(" ", "")


@needs_pdftotext
def test_typographic_characters_survive(full_text: str) -> None:
    assert TYPOGRAPHIC in full_text
    for char in "–€“”’…":
        assert char in full_text


@needs_pdftotext
def test_result_report_shows_trigger_results_and_status(full_text: str) -> None:
    assert "(Diagnose 1, kontakt 1)" in full_text
    assert "RDA02: –" in full_text
    assert "Ufuldstændig" in full_text


@needs_pdftotext
def test_page_header_and_footer(full_text: str) -> None:
    assert "Klinik Ørsted ApS SEI-LPR lokal – skema 17" in full_text
    assert "Søren Ærø-Østergård, CPR 0101801235" in full_text
    assert "Udskrevet 30-11-2026 14:05" in full_text
    assert "Side 1 af " in full_text


@needs_pdftotext
@pytest.mark.parametrize(
    ("status", "word"),
    [("draft", "KLADDE"), ("submitted", "INDBERETTET"), ("changed", "ÆNDRET"), ("cancelled", "ANNULLERET")],
)
def test_status_watermark_on_every_page(status: str, word: str) -> None:
    pages = pages_of(render(full_form(status=status)))
    for page in pages:
        # The rotated word comes out letter by letter; it is drawn first, under the page's text.
        assert word in "".join(page.split()[: len(word)])
    others = {"KLADDE", "INDBERETTET", "ÆNDRET", "ANNULLERET"} - {word}
    assert not any(other in "".join(pages) for other in others)


@needs_pdftotext
def test_empty_sections_print_their_heading_and_ingen() -> None:
    text = text_of(render(Form(), describe=None, clinic_name=None))
    for heading in [
        "Forløbsmarkører",
        "Patientkontakter",
        "Procedurer uden patientkontakt",
        "Resultatindberetninger",
    ]:
        assert f"{heading} Ingen" in text
    assert "SEI-LPR lokal – skema uden nummer" in text


@needs_pdftotext
def test_sixty_contacts_run_over_several_pages_each_with_header_and_watermark() -> None:
    pages = pages_of(render(full_form(status="submitted", contacts=60)))
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert "SEI-LPR lokal – skema 17" in page
        assert "Søren Ærø-Østergård, CPR 0101801235" in page
        assert "INDBERETTET" in "".join(page.split()[:11])
        assert f"Side {number} af {len(pages)}" in page
    # The contacts table runs onto a second page and repeats its heading row there.
    with_heading = [page for page in pages if "Kontakttype Prioritet Kontaktårsag" in page]
    assert len(with_heading) >= 2
    assert any("Kontakt 60:" in page for page in pages)


@needs_pdftotext
def test_long_texts_wrap_without_losing_words() -> None:
    form = full_form()
    long_text = " ".join(f"ord{n}" for n in range(150))
    unbroken = "X" * 120
    form.result_reports[0].results = {"RDA01": long_text, "RDA03": unbroken}
    text = text_of(render(form))
    assert long_text in text
    assert unbroken in text.replace(" ", "")


@needs_pdftotext
def test_a_row_taller_than_a_page_is_split_not_lost() -> None:
    form = full_form()
    form.result_reports[0].results = {f"RDA{n:02d}": f"værdi {n}" for n in range(150)}
    pages = pages_of(render(form))
    text = " ".join(pages)
    assert "RDA00: værdi 0" in text and "RDA149: værdi 149" in text


@needs_pdftotext
def test_characters_beyond_the_core_font_use_the_full_font() -> None:
    form = full_form()
    form.patient.name = "Σωκράτης Жуков"
    text = text_of(render(form, describe={"DC509": "β-blokker"}.get))
    assert "Σωκράτης Жуков" in text
    assert "DC509 – β-blokker" in text


@needs_pdftotext
def test_a_failing_catalog_does_not_stop_the_print() -> None:
    def broken(code: str) -> str | None:
        raise RuntimeError("catalog closed")

    assert "DC509" in text_of(render(full_form(), describe=broken))


def test_output_is_a_pdf() -> None:
    data = render(full_form())
    assert data.startswith(b"%PDF-")
    assert b"DejaVu" in data  # the font is embedded


def test_format_time() -> None:
    assert format_time("2026-11-03T09:30:15") == "03-11-2026 09:30"
    assert format_time("2026-02-31T10:00:00") == "2026-02-31T10:00:00"
    assert format_time("i går") == "i går"
    assert format_time(None) == "–"
    assert format_time("  ") == "–"


def test_wrap_respects_width_and_line_breaks() -> None:
    def measure(text: str) -> float:
        return float(len(text))

    assert wrap("aa bb cc", 5, measure) == ["aa bb", "cc"]
    assert wrap("aa\nbb", 10, measure) == ["aa", "bb"]
    assert wrap("abcdefghij", 4, measure) == ["abcd", "efgh", "ij"]
    assert wrap("", 4, measure) == [""]


def test_font_choice() -> None:
    assert fonts_for(["Søren – “ok” € …", "tab\there\r\n"]) == core_paths()
    assert fonts_for(["Жуков"]) == full_paths()


def test_core_fonts_match_the_full_fonts() -> None:
    from fontTools.ttLib import TTFont

    for style in FULL:
        with (
            TTFont(asset_path("fonts", FULL[style])) as full,
            TTFont(asset_path("fonts", CORE[style])) as core,
        ):
            full_cmap, core_cmap = full.getBestCmap(), core.getBestCmap()
            wanted = {cp for low, high in CORE_RANGES for cp in range(low, high + 1) if cp in full_cmap}
            assert wanted <= set(core_cmap)
            for cp in (ord("A"), ord("ø"), ord("–"), ord("€")):
                assert full["hmtx"][full_cmap[cp]][0] == core["hmtx"][core_cmap[cp]][0]
