"""Entry point of the frozen executable (PyInstaller runs this file as __main__)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # must come first in a frozen program
    from seilocal.cli import main

    sys.exit(main())
