"""Field paths such as `contacts[2].diagnoses[0].code`: how pages, rules and the audit log name a value."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


class PathError(ValueError):
    """A path that does not name a field of the form."""


def parse_path(path: str) -> list[str | int]:
    """Split `a.b[2].c` into `['a', 'b', 2, 'c']`."""
    steps: list[str | int] = []
    if not path:
        raise PathError("empty path")
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if not match:
            raise PathError(f"bad path {path!r}")
        steps.append(match.group(1))
        steps.extend(int(i) for i in re.findall(r"\[(\d+)\]", match.group(2)))
    return steps


def _step_into(obj: Any, step: str | int, path: str) -> Any:
    try:
        if isinstance(step, int):
            return obj[step]
        if isinstance(obj, dict):
            return obj[step]
        if isinstance(obj, BaseModel) and step in type(obj).model_fields:
            return getattr(obj, step)
    except (IndexError, KeyError, TypeError):
        pass
    raise PathError(f"no field at {path!r}")


def get_path(root: BaseModel, path: str) -> Any:
    """The value at `path`."""
    obj: Any = root
    for step in parse_path(path):
        obj = _step_into(obj, step, path)
    return obj


def set_path(root: BaseModel, path: str, value: Any) -> Any:
    """Set the value at `path` (validated by the model) and return the old value."""
    steps = parse_path(path)
    parent: Any = root
    for step in steps[:-1]:
        parent = _step_into(parent, step, path)
    last = steps[-1]
    old = _step_into(parent, last, path)
    if isinstance(last, int) or isinstance(parent, dict):
        parent[last] = value
    else:
        setattr(parent, last, value)
    return old
