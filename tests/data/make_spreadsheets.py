#!/usr/bin/env python3
"""Make the .xls and .ods files the import tests read, as an office makes them: the messy
workbook of tests/unit/test_xlsx_import.py (title rows, merged two-row headers, Chinese text,
a phone stored as a number, real and text dates, a hidden sheet) saved by LibreOffice Calc as
Excel 97-2003 and as OpenDocument. Run it again after changing that workbook:

    .venv/bin/python tests/data/make_spreadsheets.py      (needs soffice: libreoffice-calc-nogui)

The files are committed so that the default test run needs no LibreOffice to read them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "unit"))

from test_xlsx_import import messy_workbook  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "messy.xlsx"
        messy_workbook(source)
        profile = Path(tmp) / "profile"
        for target, filt in (("xls", "xls:MS Excel 97"), ("ods", "ods")):
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    filt,
                    "--outdir",
                    tmp,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.copyfile(Path(tmp) / f"messy.{target}", HERE / f"messy-libreoffice.{target}")
            print(f"wrote {HERE / f'messy-libreoffice.{target}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
