"""Benchmark: type-ahead code search over 200,000 synthetic SKS records, next to the raw SQLite query.

Generates a deterministic SKScomplete-format file (Windows-1252, fixed width), imports it into a fresh
temporary database (import_s), then times `CatalogStore.search` for 1-6 typed characters in both modes
against executing the very same SQL statement straight on the sqlite3 connection (the raw baseline:
same hits, without our Python layer). Run: `.venv/bin/python bench/code_search.py [--records N]`.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from seilocal.store.catalog import CatalogStore, apply_catalog_schema, fold, import_sks

SEED = 20260401
WORDS = (
    "kræft hjernens behandling udredning lungesygdom øjenlåg åreforkalkning venstresidig højresidig "
    "dobbeltsidig fraktur skulder knæ hofte lænd ryg mave tarm lever galdeblære bugspytkirtel nyre "
    "blære prostata livmoder æggestok bryst hud hjerte lunge luftrør strube næse øre øje tand kæbe "
    "infektion betændelse blødning forgiftning skade sår brud forstuvning ledbånd sene muskel nerve "
    "kronisk akut ondartet godartet svulst metastase lokalrecidiv operation indlæggelse fjernelse "
    "undersøgelse skanning røntgen ultralyd biopsi punktur injektion kontrol samtale henvist start "
    "beslutning venteperiode afsluttet patient forløb pakkeforløb diagnostisk anden enhed uden med "
    "af i på til ved efter før under over mellem ikke andre uspecificeret specificeret følger tilstand"
).split()
SYLLABLES = "bl æ ge ning sk ø ri tid lå ka mo ver ste ran dis ko pe lu ta sy fø gå hæ".split()


def make_word(rng: random.Random) -> str:
    """A Danish-looking word: mostly from the vocabulary, sometimes built of syllables."""
    if rng.random() < 0.7:
        return rng.choice(WORDS)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_code(rng: random.Random) -> tuple[str, str]:
    """A record type and a code in the shapes of SKS: D.., K.., A.., B.., U.., M.."""
    upper = "ABCDEFGHJKLMNPQRSTUVXZ"
    roll = rng.random()
    if roll < 0.45:
        tail = "".join(rng.choice("0123456789ABCDEFGHJ") for _ in range(rng.randint(0, 3)))
        return "dia", f"D{rng.choice(upper)}{rng.randint(0, 99):02d}{tail}"
    if roll < 0.70:
        letters = "".join(rng.choice(upper) for _ in range(3))
        return "opr", f"K{letters}{rng.randint(0, 99):02d}{rng.choice(['', 'A', 'B', 'C'])}"
    if roll < 0.80:
        return (
            "adm",
            f"A{rng.choice('FLPZ')}{rng.choice(upper)}{rng.randint(0, 99):02d}{rng.choice(['', 'A', 'B1'])}",
        )
    if roll < 0.90:
        letters = "".join(rng.choice(upper) for _ in range(3))
        return "pro", f"B{letters}{rng.randint(0, 99):02d}{rng.choice(['', 'A', 'B'])}"
    if roll < 0.95:
        letters = "".join(rng.choice(upper) for _ in range(3))
        return "und", f"U{letters}{rng.randint(0, 99):02d}"
    return (
        "atc",
        f"M{rng.choice(upper)}{rng.randint(0, 99):02d}{rng.choice(upper)}{rng.choice(upper)}"
        f"{rng.randint(0, 99):02d}",
    )


def sks_line(record_type: str, code: str, valid_from: date, valid_to: date | None, text: str) -> str:
    """One fixed-width SKScomplete line."""
    to = valid_to.strftime("%Y%m%d") if valid_to else " " * 8
    frm = valid_from.strftime("%Y%m%d")
    return f"{record_type:<3}{code:<20}{frm}{frm}{to}{text[:120]:<120}" + " " * 47


def generate(path: Path, records: int, seed: int = SEED) -> list[tuple[str, str]]:
    """Write a synthetic SKScomplete.txt with `records` lines; returns (code, text) of the codes."""
    rng = random.Random(seed)
    seen: set[str] = set()
    codes: list[tuple[str, str]] = []
    lines: list[str] = []
    while len(lines) < records:
        record_type, code = make_code(rng)
        if code in seen:
            continue
        seen.add(code)
        text = " ".join(make_word(rng) for _ in range(rng.randint(2, 8))).capitalize()
        start = date(1994, 1, 1) + timedelta(days=rng.randint(0, 11000))
        periods = 1 if rng.random() < 0.95 else rng.randint(2, 3)
        for index in range(periods):
            last = index == periods - 1
            end = None if last and rng.random() < 0.8 else start + timedelta(days=rng.randint(30, 2000))
            lines.append(sks_line(record_type, code, start, end, text))
            if end is None:
                break
            start = end + timedelta(days=1)
        codes.append((code, text))
    path.write_text("\r\n".join(lines[:records]) + "\r\n", encoding="cp1252")
    return codes


def queries(
    codes: list[tuple[str, str]], mode: str, length: int, count: int, rng: random.Random
) -> list[str]:
    """What users type: the start of a code or of a word (prefix), or a piece inside a word (contains)."""
    out: list[str] = []
    while len(out) < count:
        code, text = rng.choice(codes)
        if rng.random() < 0.5:
            out.append(code[:length].lower() if rng.random() < 0.5 else code[:length])
            continue
        word = rng.choice(text.split())
        if len(word) < length:
            continue
        start = 0 if mode == "prefix" else rng.randint(0, len(word) - length)
        piece = word[start : start + length]
        out.append(piece.upper() if rng.random() < 0.2 else piece)
    return out


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> None:
    """Generate, import, measure, print the table and the BENCH line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=150, help="queries per mode and length")
    args = parser.parse_args()
    rng = random.Random(SEED + 1)
    with tempfile.TemporaryDirectory(prefix="seilocal-bench-") as tmp:
        sks = Path(tmp) / "SKScomplete.txt"
        codes = generate(sks, args.records)
        db = Database(Path(tmp) / "bench.db")
        db.execute("PRAGMA journal_mode=WAL")
        apply_catalog_schema(db)
        started = time.perf_counter()
        result = import_sks(db, sks)
        import_s = time.perf_counter() - started
        store = CatalogStore(db)
        conn = db.conn
        at = date(2024, 6, 1)
        all_search: list[float] = []
        all_raw: list[float] = []
        print(f"imported {result.counts['read']} records in {import_s:.1f} s")
        print(f"{'mode':<9}{'chars':>5}{'p50_ms':>9}{'p95_ms':>9}{'raw_p50':>9}{'raw_p95':>9}{'hits':>7}")
        for mode in ("prefix", "contains"):
            for length in range(1, 7):
                timed: list[float] = []
                raw: list[float] = []
                hits = 0
                for text in queries(codes, mode, length, args.queries, rng):
                    dated = at if rng.random() < 0.5 else None
                    plan = store.plan(fold(text.strip()), list_name=None, mode=mode, at=dated, limit=20)
                    assert plan is not None
                    for _ in range(3):
                        t0 = time.perf_counter()
                        conn.execute(*plan).fetchall()
                        t1 = time.perf_counter()
                        found = store.search(text, mode=mode, at=dated, limit=20)
                        t2 = time.perf_counter()
                        raw.append((t1 - t0) * 1000)
                        timed.append((t2 - t1) * 1000)
                    hits += len(found)
                all_search += timed
                all_raw += raw
                print(
                    f"{mode:<9}{length:>5}{percentile(timed, 50):>9.3f}{percentile(timed, 95):>9.3f}"
                    f"{percentile(raw, 50):>9.3f}{percentile(raw, 95):>9.3f}{hits / args.queries:>7.1f}"
                )
        db.close()
    p50, p95, raw95 = percentile(all_search, 50), percentile(all_search, 95), percentile(all_raw, 95)
    print(
        f"BENCH code_search records={args.records} p50_ms={p50:.3f} p95_ms={p95:.3f} "
        f"raw_p95_ms={raw95:.3f} ratio={p95 / raw95:.2f} import_s={import_s:.1f}"
    )


if __name__ == "__main__":
    main()
