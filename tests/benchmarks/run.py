#!/usr/bin/env python3
"""Run the speed measurements: ``.venv/bin/python tests/benchmarks/run.py [NAME…]``.

Each ``bench_*.py`` beside this file exposes ``run(tmpdir: pathlib.Path) -> list[dict]``; every
row has ``name``, ``ms`` (what was measured), ``baseline`` and ``baseline_ms`` (what it is
compared with, in the same run), ``ratio`` (ms / baseline_ms) and ``notes``. NAMEs pick
modules (``unlock`` or ``bench_unlock``); without any, all run. The table goes to stdout and
everything to ``tests/benchmarks/results/latest.json`` (git-ignored).

Not part of the pytest run: the files are named bench_*.py, so pytest never collects them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RESULTS = HERE / "results"
COLUMNS = ("name", "ms", "baseline", "baseline_ms", "ratio", "notes")


def discover(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if not names:
        return found
    wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in (Path(n).stem for n in names)}
    unknown = wanted - {p.stem for p in found}
    if unknown:
        raise SystemExit(
            f"no such benchmark: {', '.join(sorted(unknown))} "
            f"(have: {', '.join(p.stem for p in found)})"
        )
    return [p for p in found if p.stem in wanted]


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 100 else f"{value:.0f}"
    return str(value)


def table(rows: list[dict]) -> str:
    cells = [[_fmt(r.get(c)) for c in COLUMNS] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(COLUMNS)]
    line = "  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in cells:
        out.append(
            "  ".join(
                v.rjust(w) if COLUMNS[i] in ("ms", "baseline_ms", "ratio") else v.ljust(w)
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(out)


def environment() -> dict:
    info = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    try:
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        info["sqlite"] = sqlcipher3.sqlite_version
        info["sqlcipher"] = conn.execute("PRAGMA cipher_version").fetchone()[0]
        conn.close()
    except Exception as exc:  # noqa: BLE001 - informative only
        info["sqlcipher"] = f"unavailable ({exc})"
    try:
        info["commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))

    all_rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="carc-bench-") as scratch:
        scratch = Path(scratch)
        # Nothing here may touch the real user's folders or keyring.
        for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            folder = scratch / "user" / var.lower()
            folder.mkdir(parents=True)
            os.environ[var] = str(folder)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        for path in discover(args.names):
            workdir = scratch / path.stem
            workdir.mkdir()
            print(f"running {path.stem} …", file=sys.stderr, flush=True)
            started = time.perf_counter()
            rows = load(path).run(workdir)
            for row in rows:
                row.setdefault("module", path.stem)
                if row.get("ratio") is None and row.get("baseline_ms"):
                    row["ratio"] = row["ms"] / row["baseline_ms"]
            print(f"  {path.stem}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
            all_rows.extend(rows)

    print(table(all_rows))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "latest.json"
    out.write_text(
        json.dumps({"environment": environment(), "rows": all_rows}, ensure_ascii=False, indent=2)
        + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {out.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
