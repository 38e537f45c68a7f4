"""Unit-test fixtures: a CLI runner (in-process and as a real subprocess), a made archive.

No Qt here, and no keyring: the root conftest points ``keyring`` at its fail backend.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unit_support import Cli


@pytest.fixture
def cli(monkeypatch, capsys) -> Cli:
    return Cli(monkeypatch, capsys)


@pytest.fixture
def made_archive(archive_path: Path, passphrase: str) -> Path:
    """A fresh archive at ``archive_path``, closed again."""
    from desktop.storage.archive import Archive

    Archive.create(archive_path, passphrase).close()
    return archive_path
