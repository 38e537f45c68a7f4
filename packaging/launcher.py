"""The frozen program's entry point: the same ``customer-archive`` as the installed script.

PyInstaller runs its script as ``__main__`` outside any package, so ``desktop/cli/main.py``
(which imports relatively) cannot be the script itself.
"""

import sys

from desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
