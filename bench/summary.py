"""`make bench`: run every benchmark in bench/, then print one table of the figures of issues 20 and 23 and
their goals, and every BENCH line as printed.

A benchmark is a bench/*.py that prints a `BENCH name key=value ...` line. Each runs in its own process, one
after the other (the machine may be shared: the load average is printed with the table). A figure without a
goal here is still printed, in the BENCH lines below the table, so a new benchmark needs no change here.

    python bench/summary.py                   # run them all
    python bench/summary.py --only pdf,startup  # some of them (file names without .py)
    python bench/summary.py --from-log out.txt  # the table of output saved earlier
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH_LINE = re.compile(r"^BENCH (\S+)((?: \S+=\S+)*)\s*$")


@dataclass(frozen=True)
class Goal:
    """One figure and its goal: `bench` line name, `key` on it, the goal (the figure must be <= it)."""

    issue: str
    what: str
    bench: str
    key: str
    goal: float
    unit: str


GOALS = [
    Goal("23.1", "open in Chromium, 20 contacts, × the bare NiceGUI page", "open_in_browser", "ratio20", 2, "×"),
    Goal("23.1", "open in Chromium, 200 contacts, × the bare page", "open_in_browser", "ratio200", 3, "×"),
    Goal("23.1", "open in Chromium, 1,000 contacts, × the bare page", "open_in_browser", "ratio1000", 5, "×"),
    Goal("23.2", "server-side open GET /skema/N, 1,000 contacts", "form_edit", "open1000_ms", 100, "ms"),
    Goal("23.3", "validation of a 1,000-contact form, p95", "validate", "contacts1000_p95_ms", 50, "ms"),
    Goal("23.3", "findings updated after one edit, 1,000 contacts, p95", "validate_edit", "edit_p95_ms", 5, "ms"),
    Goal("23.3", "the same, bundled SKS catalog", "validate_edit_sks", "edit_p95_ms", 5, "ms"),
    Goal("23.3", "checked edits whose findings differ from a full run", "validate_edit", "differ", 0, ""),
    Goal("23.3", "the same, bundled SKS catalog", "validate_edit_sks", "differ", 0, ""),
    Goal("23.3", "full validation per contact (CPU), fake catalog", "validate", "per_contact_cpu_us", 25, "µs"),
    Goal("23.3", "full validation per contact (CPU), bundled SKS catalog", "validate_starter", "per_contact_cpu_us",
         25, "µs"),
    Goal("23.4", "CDA export, 1,000 contacts (CPU)", "cda_export", "contacts1000_cpu_ms", 150, "ms"),
    Goal("23.4", "CDA export, 1,000 contacts (wall)", "cda_export", "contacts1000_ms", 150, "ms"),
    Goal("23.4", "PDF of a 200-contact form (wall)", "pdf_long", "p50_ms", 1000, "ms"),
    Goal("23.4", "PDF of a 200-contact form (CPU)", "pdf_long", "cpu_p50_ms", 1000, "ms"),
    # Budget set from the measurement of 2026-12-07 (154-170 MB; docs/performance.md), with room for a second tab.
    Goal("23.4", "app RSS, 1,000-contact form open in Chromium, contacts open", "open_in_browser", "rss_open1000_mb",
         250, "MB"),
    Goal("23.4", "app RSS, 1,000-contact form page built (GET)", "form_edit", "rss1000_mb", 250, "MB"),
    Goal("23.4", "app RSS kept per form page opened and closed (180 opens)", "page_memory",
         "retained_kb_per_open", 50, "kB"),
    Goal("20", "first start of a new folder, from source, to the first page", "startup_source", "first_serve_s",
         1.5, "s"),
    Goal("20", "code search over the full catalog, p95", "catalog_full", "search_p95_ms", 5, "ms"),
    Goal("20", "code search, × raw SQLite", "catalog_full", "ratio", 1.5, "×"),
    Goal("–", "save one field, 1,000-contact form, p95", "form_edit", "save1000_p95_ms", 50, "ms"),
    Goal("–", "PDF of a 20-contact form, p95", "pdf", "p95_ms", 300, "ms"),
    Goal("–", "CDA export, 20 contacts, p50", "cda_export", "contacts20_p50_ms", 50, "ms"),
    Goal("–", "forms list search, 100,000 forms, p95", "forms_list", "p95_ms", 50, "ms"),
]


def benches(only: set[str] | None) -> list[Path]:
    """The benchmark scripts: every bench/*.py that prints a BENCH line (not this one)."""
    found = []
    for path in sorted(HERE.glob("*.py")):
        if path.name == Path(__file__).name or (only and path.stem not in only):
            continue
        if "BENCH " in path.read_text(encoding="utf-8"):
            found.append(path)
    return found


def run_all(paths: list[Path]) -> tuple[str, dict[str, int]]:
    """Run each script; its output goes through to the console and is collected; exit codes by name."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))}
    env.setdefault("SEILOCAL_PASSPHRASE", "bench")
    collected: list[str] = []
    codes: dict[str, int] = {}
    for path in paths:
        print(f"== {path.name}", flush=True)
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=env, cwd=HERE.parent)
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            collected.append(line)
        codes[path.stem] = process.wait()
        print(f"== {path.name}: exit {codes[path.stem]}, {time.perf_counter() - started:.0f} s", flush=True)
    return "".join(collected), codes


def parse(output: str) -> dict[str, dict[str, str]]:
    """The BENCH lines of `output`: name -> key -> value (a later line of the same name wins)."""
    lines: dict[str, dict[str, str]] = {}
    for line in output.splitlines():
        match = BENCH_LINE.match(line.strip())
        if match:
            lines[match.group(1)] = dict(pair.split("=", 1) for pair in match.group(2).split())
    return lines


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def table(lines: dict[str, dict[str, str]]) -> list[str]:
    """The rows of the goal table (markdown, so it can go into docs/performance.md as it is)."""
    rows = ["| issue | figure | goal | measured | met |", "|---|---|---|---|---|"]
    for goal in GOALS:
        value = lines.get(goal.bench, {}).get(goal.key)
        number = _number(value) if value is not None else None
        if number is None:
            shown, met = "not measured", "–"
        else:
            shown, met = f"{number:g} {goal.unit}", "yes" if number <= goal.goal else "**no**"
        rows.append(f"| {goal.issue} | {goal.what} (`{goal.bench} {goal.key}`) | ≤ {goal.goal:g} {goal.unit} "
                    f"| {shown} | {met} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks (or read their saved output) and print the table and the BENCH lines."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated file names without .py")
    parser.add_argument("--from-log", type=Path, help="build the table from output saved earlier")
    args = parser.parse_args(argv)
    codes: dict[str, int] = {}
    if args.from_log:
        output = args.from_log.read_text(encoding="utf-8")
    else:
        output, codes = run_all(benches(set(args.only.split(",")) if args.only else None))
    lines = parse(output)
    print()
    print(f"Load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    print("\n".join(table(lines)))
    print()
    for line in output.splitlines():
        if BENCH_LINE.match(line.strip()):
            print(line.strip())
    failed = {name: code for name, code in codes.items() if code}
    if failed:
        print(f"benchmarks that exited with an error or over their own budget: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
