"""The command line's seams: one dispatch style, one store context manager that always closes, no silent
optional modules (a missing module is an ImportError, not a command or a page part that quietly disappears)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

import seilocal.store
from seilocal.cli import build_parser, main
from seilocal.cli.common import opened_store


class _Recorded:
    """A store that notes whether it was closed."""

    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_opened_store_closes_the_store_after_the_command_and_on_an_error(monkeypatch, tmp_path: Path) -> None:
    opened: list[_Recorded] = []

    def fake_open(data_dir: Path) -> _Recorded:
        opened.append(_Recorded())
        return opened[-1]

    monkeypatch.setattr(seilocal.store, "open_store", fake_open)
    args = argparse.Namespace(data_dir=str(tmp_path))
    with opened_store(args) as store:
        assert store is opened[0] and not store.closed
    assert opened[0].closed
    with pytest.raises(RuntimeError), opened_store(args):
        raise RuntimeError("the command failed")
    assert opened[1].closed


def test_a_store_given_by_the_caller_is_used_and_left_open(monkeypatch) -> None:
    monkeypatch.setattr(seilocal.store, "open_store", lambda data_dir: pytest.fail("no store may be opened"))
    given = _Recorded()
    with opened_store(argparse.Namespace(store=given)) as store:
        assert store is given
    assert not given.closed


def test_the_codes_commands_close_their_store(monkeypatch, tmp_path: Path, capsys) -> None:
    """`codes sor-search` used to take the database from a store it never closed."""
    real_open = seilocal.store.open_store
    opened = []

    def recording_open(data_dir: Path):
        store = real_open(data_dir)
        opened.append(store)
        return store

    monkeypatch.setattr(seilocal.store, "open_store", recording_open)
    monkeypatch.setenv("SEILOCAL_PASSPHRASE", "kaffe cykel regn vindue")
    assert main(["--data-dir", str(tmp_path / "d"), "codes", "sor-search", "no such unit anywhere"]) == 1
    assert len(opened) == 1
    with pytest.raises(Exception, match="closed"):
        opened[0].db.execute("SELECT 1")


Leaf = tuple[tuple[str, ...], argparse.ArgumentParser]


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[Leaf]:
    """Every command that runs (`codes search`, not `codes`), with its names."""
    found: list[Leaf] = []
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(path, parser)]
    for sub in subs:
        for name, child in sub.choices.items():
            found += _leaves(child, (*path, name))
    return found


def test_every_command_is_dispatched_by_func_and_takes_data_dir() -> None:
    leaves = _leaves(build_parser())
    assert len(leaves) >= 25  # run, import, show, ..., codes search, encryption status, ...
    for path, parser in leaves:
        assert callable(parser.get_default("func")), path
        assert any("--data-dir" in action.option_strings for action in parser._actions), path
    args = build_parser().parse_args(["--data-dir", "/x", "codes", "search", "abc"])
    assert args.data_dir == "/x"  # a --data-dir before the command is kept
    args = build_parser().parse_args(["codes", "search", "abc", "--data-dir", "/y"])
    assert args.data_dir == "/y"  # and one after a sub-command's name is taken


@pytest.mark.parametrize(("missing", "importer"), [
    ("seilocal.cli.backup", "seilocal.cli"),
    ("seilocal.pages.history_page", "seilocal.pages.routes"),
    ("seilocal.pages.validation_panel", "seilocal.pages.form_page"),
    ("seilocal.pages.sections.markers", "seilocal.pages.sections"),
])
def test_a_missing_module_is_an_import_error(missing: str, importer: str) -> None:
    code = f"import sys; sys.modules[{missing!r}] = None; import {importer}"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert f"ModuleNotFoundError: import of {missing} halted" in run.stderr


def test_a_reader_that_closes_the_pipe_gets_no_traceback(tmp_path: Path) -> None:
    # `seilocal validate FORM.json | head -0`: the reader is gone before the first line is written.
    from tests.support.rules_fakes import base_form

    form = tmp_path / "form.json"
    form.write_text(base_form().model_dump_json(), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "seilocal", "validate", str(form)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the child has imported anything, let alone written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
