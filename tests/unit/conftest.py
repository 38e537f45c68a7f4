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


@pytest.fixture
def office_file(archive_path: Path, passphrase: str) -> Path:
    """The loans test office (loans_support.make_office: boss, zhao, sun, li, zhou … with
    passwords PW), closed again."""
    from loans_support import make_office

    make_office(archive_path, passphrase).archive.close()
    return archive_path


@pytest.fixture
def as_user(cli: Cli, office_file: Path, passphrase: str):
    """``customer-archive ARGS`` in the test office as user ``who``, logged in with PW."""
    from loans_support import PW

    def run(who: str, *args: object):
        return cli.run(
            [
                "-a",
                office_file,
                "--passphrase-stdin",
                "--password-stdin",
                "--user",
                who,
                *map(str, args),
            ],
            stdin=f"{passphrase}\n{PW}\n",
        )

    return run
