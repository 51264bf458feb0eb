"""Exporting into a folder the user chose: every file or none, and never over a file that is already there.

An export folder often holds earlier exports (last month's bundles, a colleague's files). A file of the same
name is never replaced: the new one gets the next free name (`...-2.zip`, as the data folder's bundles do),
and a file with exactly the same bytes is simply reused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

MAX_TRIES = 1000


class NoFreeName(OSError):
    """Every candidate name for a file is taken by other content."""


def export_into(folder: Path, write: Callable[[Path], list[Path]]) -> list[tuple[Path, bool]]:
    """Let `write` fill a staging folder inside `folder`, then place each file there under a free name.

    Returns (final path, whether it is the file's own name) per file. Raises OSError (nothing is left behind:
    files placed before the failure are removed again); other exceptions of `write` pass through likewise.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".seilocal-staging-", dir=folder))
    placed: list[Path] = []
    try:
        made = write(staging)  # the slow part (and a full disk) happens before anything shows in `folder`
        result: list[tuple[Path, bool]] = []
        for path in made:
            target, new = _place_free(path, folder)
            if new:
                placed.append(target)
            result.append((target, target.name == path.name))
        return result
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_files(files: dict[str, bytes]) -> Callable[[Path], list[Path]]:
    """A `write` for export_into that writes these (name, bytes) pairs, each flushed to disk."""

    def write(staging: Path) -> list[Path]:
        paths = []
        for name, data in files.items():
            path = staging / Path(name).name  # our own generated names; never a path into another folder
            with path.open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            paths.append(path)
        return paths

    return write


def _place_free(made: Path, folder: Path) -> tuple[Path, bool]:
    """Put `made` into `folder` under its name or the next free `-N` name; (target, newly placed)."""
    data: bytes | None = None
    for n in range(1, MAX_TRIES):
        target = folder / (made.name if n == 1 else f"{made.stem}-{n}{made.suffix}")
        try:
            _place(made, target)
            return target, True
        except FileExistsError:
            if data is None:
                data = made.read_bytes()
            if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
                return target, False  # the same export again: the file there is already this one
    raise NoFreeName(f"no free file name for {made.name} in {folder}")


def _place(made: Path, target: Path) -> None:
    """Put the finished file at `target`, raising FileExistsError rather than replacing anything there."""
    try:
        os.link(made, target)  # atomic, and never replaces
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (a FAT stick): exclusive create, then the bytes
        with target.open("xb") as handle:
            try:
                handle.write(made.read_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.close()
                target.unlink(missing_ok=True)
                raise
