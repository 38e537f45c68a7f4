"""Logging in on the command line: a wrong password is a login failure (exit 19), told apart
from a refusal for the role (exit 16); the order of secrets on standard input is as documented."""

from __future__ import annotations


def test_secrets_come_in_the_documented_order_and_a_wrong_password_exits_19(
    cli, made_archive, passphrase
):
    base = ["-a", made_archive, "--passphrase-stdin", "--no-keyring", "--password-stdin"]
    # users add: the new account's password first, then my own (the second account)
    added = cli.run(
        [
            *base,
            "users",
            "add",
            "sun",
            "--role",
            "salesperson",
            "--region",
            "华东",
            "--keep-password",
        ],
        stdin=f"{passphrase}\nsun's password 1\nadmin's password 1\n",
    )
    assert added.code == 0, added.err
    ok = cli.run(
        [*base, "--user", "sun", "customers", "list"], stdin=f"{passphrase}\nsun's password 1\n"
    )
    assert ok.code == 0, ok.err
    wrong = cli.run(
        [*base, "--user", "sun", "customers", "list"], stdin=f"{passphrase}\nadmin's password 1\n"
    )
    assert wrong.code == 19
    assert wrong.assert_one_line_error() == "customer-archive: Unknown user or wrong password."
    nobody = cli.run([*base, "--user", "nobody", "customers", "list"], stdin=f"{passphrase}\nx\n")
    assert nobody.code == 19
    # a role's refusal stays 16: a salesperson may not add sample data
    refused = cli.run(
        [*base, "--user", "sun", "demo", "--customers", "1"],
        stdin=f"{passphrase}\nsun's password 1\n",
    )
    assert refused.code == 16, refused.err
