"""`make css`: compile `assets/css/tailwind.css`, the Tailwind CSS the app serves instead of running Tailwind's
browser build on every page open (seilocal/pages/styles.py, issue 23.1).

Tailwind's own compiler, at the version NiceGUI bundles, scans every file whose classes can reach a page: our
package, NiceGUI's elements and scripts, and Quasar's components (their classes land in the DOM as well, and the
browser build styled them too). Run it after adding a Tailwind class, or after upgrading NiceGUI; needs `npx`
(Node.js) and the npm registry. tests/unit/test_tailwind_css.py tells when it is due.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nicegui

from seilocal.pages.styles import nicegui_tailwind_version

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "css" / "tailwind.css"
NICEGUI = Path(nicegui.__file__).resolve().parent


def source_css() -> str:
    """The compiler's input: the layers NiceGUI's page template declares, and where classes come from."""
    sources = [ROOT / "seilocal", NICEGUI / "elements", NICEGUI / "static" / "nicegui.js",
               NICEGUI / "static" / "quasar.umd.prod.js"]
    lines = [
        "@layer theme, base, components, utilities;",
        '@import "tailwindcss/theme.css" layer(theme);',
        '@import "tailwindcss/preflight.css" layer(base);',
        '@import "tailwindcss/utilities.css" layer(utilities) source(none);',
        # NiceGUI's own template adds this variant to the browser build.
        "@custom-variant dark (&:where(body.body--dark, body.body--dark *));",
        *(f'@source "{path.as_posix()}";' for path in sources),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    npm = shutil.which("npm")
    if npm is None:
        print("make css needs Node.js (npm, npx): e.g. sudo apt-get install npm", file=sys.stderr)
        return 1
    version = nicegui_tailwind_version()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", f"@tailwindcss/cli@{version}",
                        f"tailwindcss@{version}"], cwd=work, check=True)
        (work / "input.css").write_text(source_css(), encoding="utf-8")
        subprocess.run([str(work / "node_modules" / ".bin" / "tailwindcss"), "-i", "input.css", "-o", str(OUT),
                        "--minify"], cwd=work, check=True)
    print(f"{OUT.relative_to(ROOT)}: Tailwind {version}, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
