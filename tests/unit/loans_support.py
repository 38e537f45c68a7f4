"""An office for the register's tests (imported by name: pytest puts tests/unit on sys.path)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.services.loans import LoanService
from desktop.storage.archive import Archive

PW = "a good password 1"
PEOPLE = (
    ("zhao", "赵经理", "manager", None),
    ("qian", "钱区域", "regional_manager", "华东"),
    ("sun", "孙业务", "salesperson", "华东"),
    ("li", "李业务", "salesperson", "华北"),
    ("zhou", "周档案", "custodian", None),
    ("wu", "吴档案", "custodian", None),
)


class Clock:
    """The register's "today", moved on by the tests."""

    def __init__(self, today: dt.date = dt.date(2026, 12, 1)) -> None:
        self.day = today

    def __call__(self) -> dt.date:
        return self.day


@dataclass
class Office:
    archive: Archive
    people: dict
    clock: Clock
    customers: dict = field(default_factory=dict)  # name → customer id

    def loans(self, who: str) -> LoanService:
        return LoanService(self.archive, self.people[who], today=self.clock)

    def dossier(self, customer: str) -> int:
        return self.archive.query_one(
            "SELECT id FROM items WHERE customer_id = ?", (self.customers[customer],)
        )[0]


def make_office(archive_path, passphrase) -> Office:
    """Administrator boss, manager zhao, regional manager qian (华东), salespeople sun (华东) and
    li (华北), custodians zhou and wu; customers of sun and of li, each with its dossier."""
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    people = {"boss": admin}
    for i, (name, display, role, region) in enumerate(PEOPLE):
        accounts.add_user(
            admin,
            name,
            display,
            role,
            region,
            PW,
            admin_password=PW if i == 0 else None,
            must_change_password=False,
        )
        people[name] = accounts.login(name, PW)
    office = Office(archive, people, Clock())
    office.customers["sun"] = CustomerService(archive, people["sun"]).add(
        {"name": "上海东方贸易有限公司", "region": "华东"}
    )
    office.customers["li"] = CustomerService(archive, people["li"]).add(
        {"name": "北京长城科技有限公司", "region": "华北"}
    )
    return office
