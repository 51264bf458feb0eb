"""Where bundled files (fonts, code lists) are: beside the package in a checkout, inside the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def assets_dir() -> Path:
    """The `assets/` folder, in a source checkout or in a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def asset_path(*parts: str) -> Path:
    """The path of one bundled file, e.g. `asset_path('fonts', 'DejaVuSans.ttf')`."""
    return assets_dir().joinpath(*parts)
