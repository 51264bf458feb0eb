"""Reading JSON that comes from outside (an imported form, a bundle's parts): size, depth and duplicate keys checked.

A form is evidence: a document where one key occurs twice has two values and no reader can say which one the
author meant, so it is refused instead of letting the last one win silently. Deep nesting and huge files are
refused with a reason instead of a RecursionError or gigabytes of memory.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# A form document is a few kB; a bundle part (validation.json) a few hundred kB at most.
MAX_FORM_BYTES = 5 * 1024 * 1024
# form-format.md nests at most about 6 levels; anything far deeper is not a document of ours.
MAX_DEPTH = 64


class JsonRefused(ValueError):
    """The JSON text is refused; the message says why in English, `reason` names the kind (too-large, too-deep,
    duplicate-key with its `key`, not-json) so that the UI words it in Danish without reading the English."""

    def __init__(self, message: str, reason: str, key: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused(f"the key {key!r} occurs twice in one object (a form must say each thing once)",
                              "duplicate-key", key)
        result[key] = value
    return result


def _depth(value: Any) -> int:
    """The nesting depth of a parsed value, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def load_strict(text: str | bytes, *, max_bytes: int = MAX_FORM_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON from outside: refuse more than `max_bytes`, nesting deeper than `max_depth` and duplicate keys."""
    if len(text) > max_bytes:
        raise JsonRefused(f"the document is {len(text):,} bytes, more than the {max_bytes:,} bytes allowed",
                          "too-large")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise JsonRefused(f"the document is nested more than {max_depth} levels deep", "too-deep") from None
    except JsonRefused:
        raise
    except (ValueError, UnicodeDecodeError) as exc:
        raise JsonRefused(f"not valid JSON ({exc})", "not-json") from exc
    if _depth(value) > max_depth:
        raise JsonRefused(f"the document is nested more than {max_depth} levels deep", "too-deep")
    return value


def read_json_bytes(raw: bytes, *, max_bytes: int = MAX_FORM_BYTES) -> str:
    """The text of JSON bytes from outside (an upload kept in memory), checked by `load_strict`."""
    if len(raw) > max_bytes:
        raise JsonRefused(f"the file is {len(raw):,} bytes, more than the {max_bytes:,} bytes allowed", "too-large")
    text = raw.decode("utf-8")
    load_strict(text, max_bytes=max_bytes)
    return text


def read_json_file(path: Path, *, max_bytes: int = MAX_FORM_BYTES) -> str:
    """The text of a JSON file from outside, checked by `load_strict`; the size is checked before reading."""
    if path.stat().st_size > max_bytes:
        raise JsonRefused(f"the file is {path.stat().st_size:,} bytes, more than the {max_bytes:,} bytes allowed",
                          "too-large")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)  # a file growing meanwhile is still cut at the limit
    return read_json_bytes(raw, max_bytes=max_bytes)
