"""A custodian at another computer, for tests/integration/test_loans_race.py:
``python loans_race_worker.py MODE ARCHIVE LOAN_ID BARRIER_DIR NAME`` with the passphrase on
standard input. Opens the archive first (the slow key derivation), then says it is ready
(BARRIER_DIR/NAME.ready) and waits for BARRIER_DIR/go, so that both computers hand out at
the same moment. Prints one JSON line and exits 0, or with the error's exit status.

MODE ``service``: LoanService.checkout, as the program does it.
MODE ``raw``: an UPDATE straight into the file, skipping every check of the program, to show
that the database itself refuses the second hand-out (the partial unique index).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop import errors  # noqa: E402
from desktop.services.loans import LoanService  # noqa: E402
from desktop.storage.archive import Archive  # noqa: E402


def main() -> int:
    mode, path, loan_id, barrier, name = sys.argv[1:6]
    archive = Archive.open(path, sys.stdin.readline().rstrip("\n"))
    svc = LoanService(archive, "boss")
    (Path(barrier) / f"{name}.ready").touch()
    deadline = time.monotonic() + 30
    while not (Path(barrier) / "go").exists():
        if time.monotonic() > deadline:
            print(json.dumps({"error": "no go"}))
            return 99
        time.sleep(0.001)
    try:
        if mode == "service":
            loan = svc.checkout(int(loan_id), f"handed out by {name}")
            print(json.dumps({"ok": True, "loan": loan["id"]}))
        else:
            with archive.write() as conn:
                conn.execute(
                    "UPDATE loans SET state = 'out', handed_out_by = ? WHERE id = ?",
                    (name, int(loan_id)),
                )
            print(json.dumps({"ok": True, "loan": int(loan_id)}))
        return 0
    except errors.ArchiveError as exc:
        print(json.dumps({"ok": False, "error": exc.message, "code": exc.code}, ensure_ascii=False))
        return exc.exit_status
    finally:
        archive.close()


if __name__ == "__main__":
    sys.exit(main())
