"""Parts of a page that live in their own module and appear once that module exists.

Lets the form page, the list page and the routes name every part of the app in one place while the parts
are built one issue at a time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def optional_part(module: str, function: str) -> Callable[..., Any] | None:
    """`seilocal.pages.<module>.<function>`, or None when that module is not there (yet)."""
    full = f"seilocal.pages.{module}"
    try:
        loaded = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name != full:
            raise
        return None
    return getattr(loaded, function)
