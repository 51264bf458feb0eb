"""`python -m seilocal` and the frozen executable's entry point."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # first, as PyInstaller needs on Windows and macOS
    from seilocal.cli import main

    sys.exit(main())
