"""Schema steps: every new archive runs them all; an old archive is copied before it is upgraded."""

from __future__ import annotations

import pytest

from desktop import errors
from desktop.storage import migrations
from desktop.storage.archive import Archive
from desktop.storage.migrations import Migration


def test_steps_are_numbered_1_to_n_and_a_new_archive_ran_them_all(made_archive, passphrase):
    numbers = [m.version for m in migrations.MIGRATIONS]
    assert numbers == list(range(1, len(numbers) + 1))
    assert migrations.LATEST_VERSION == numbers[-1]
    with Archive.open(made_archive, passphrase) as a:
        assert a.schema_version == migrations.LATEST_VERSION
        applied = [r[0] for r in a.query("SELECT version FROM schema_migrations ORDER BY version")]
        assert applied == numbers


@pytest.fixture
def extra_step(monkeypatch):
    """Pretend the program has one more schema step than the archives made so far."""

    def install(sql: str) -> Migration:
        step = Migration(
            migrations.LATEST_VERSION + 1, f"{migrations.LATEST_VERSION + 1:04d}_test.sql", sql
        )
        monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
        monkeypatch.setattr(migrations, "LATEST_VERSION", step.version)
        return step

    return install


def _backups(folder):
    return sorted(p for p in folder.iterdir() if ".before-v" in p.name)


def test_upgrade_takes_a_copy_first_and_the_copy_opens_with_the_same_passphrase(
    made_archive, passphrase, extra_step, monkeypatch
):
    old_version = migrations.LATEST_VERSION
    with Archive.open(made_archive, passphrase) as a:
        a.set_setting("customer", "广州贸易")
    step = extra_step(
        "CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
        "INSERT INTO settings(key, value) VALUES ('upgraded', 'yes');"
    )

    with Archive.open(made_archive, passphrase) as a:
        assert a.schema_version == step.version
        assert a.get_setting("upgraded") == "yes"
        assert a.get_setting("customer") == "广州贸易"
        assert (
            a.query("SELECT version FROM schema_migrations ORDER BY version")[-1][0] == step.version
        )

    backups = _backups(made_archive.parent)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith(f"office.before-v{step.version}-") and backup.suffix == ".carc"

    monkeypatch.undo()  # back to the program's real schema steps
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(backup, "not the passphrase", readonly=True)
    with Archive.open(backup, passphrase, readonly=True) as copy:
        # The copy is the archive as it was before the upgrade.
        assert copy.schema_version == old_version
        assert copy.get_setting("customer") == "广州贸易"
        assert copy.get_setting("upgraded") is None
        assert copy.query("SELECT name FROM sqlite_master WHERE name = 'tags'") == []
        assert copy.cipher_integrity_check() == []


def test_up_to_date_archive_is_not_copied(made_archive, passphrase):
    Archive.open(made_archive, passphrase).close()
    assert _backups(made_archive.parent) == []


def test_a_failing_step_leaves_the_archive_at_its_old_version(
    made_archive, passphrase, extra_step, monkeypatch
):
    old_version = migrations.LATEST_VERSION
    extra_step("CREATE TABLE half_done(x);\nINSERT INTO no_such_table VALUES (1);")
    with pytest.raises(errors.ArchiveError):
        Archive.open(made_archive, passphrase)
    assert len(_backups(made_archive.parent)) == 1  # the copy was still taken first
    monkeypatch.undo()
    with Archive.open(made_archive, passphrase) as a:
        assert a.schema_version == old_version
        assert a.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") == []


def test_read_only_open_never_upgrades(made_archive, passphrase, extra_step):
    extra_step("CREATE TABLE later(x);")
    before = made_archive.read_bytes()
    with pytest.raises(errors.ArchiveError) as info:
        Archive.open(made_archive, passphrase, readonly=True)
    assert "upgrade" in info.value.message
    assert made_archive.read_bytes() == before
    assert _backups(made_archive.parent) == []
