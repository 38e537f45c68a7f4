"""Helpers for the integration tests (imported by name: pytest puts tests/integration on sys.path)."""

from __future__ import annotations

from pathlib import Path

from cli_support import CliResult, spawn_cli  # noqa: F401 - re-exported for the tests

REPO = Path(__file__).resolve().parents[2]


run_cli = spawn_cli
