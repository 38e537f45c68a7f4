"""Printing: profile cards and handover lists as PDF, as the acting user may see them.

Cards are loaded through ``CustomerService.get``, so visibility and masking are the same as
on screen: a card the user may not see is refused, masked fields print masked. Each print
job is one audit entry ("print": what, which customers, how many pages) written after the
file was written (a failed or cancelled job printed nothing).
"""

from __future__ import annotations

import contextlib
import errno
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .. import errors
from ..domain import permissions
from ..domain.permissions import Action, Actor
from ..reports import handover_list, profile_card
from ..reports.pdf_layout import Cancelled
from ..storage import accounts as accounts_store
from ..storage import handovers as handovers_store
from ..storage import audit
from ..storage.archive import Archive
from .customers import Card, CustomerService, as_actor

__all__ = ["Cancelled", "PrintResult", "PrintService"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PrintResult:
    path: Path | None  # None: the PDF is in ``data``
    pages: int
    customers: int
    data: bytes | None = None


class PrintService:
    """PDFs of what ``actor`` may see. ``destination`` in the audit entry says where the PDF
    went ("pdf" a file, "printer", "preview")."""

    def __init__(self, archive: Archive, actor: Actor | str) -> None:
        self.archive = archive
        self.actor = as_actor(actor)
        self.customers = CustomerService(archive, self.actor)

    # ------------------------------------------------------------------ cards
    def load_cards(
        self,
        ids: Sequence[int],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        total: int | None = None,
    ) -> list[Card]:
        """The cards of ``ids`` in that order, as this user sees them (PermissionDenied or
        NotFound for one the user may not print, before anything is written)."""
        total = total or len(ids)
        cards = []
        for i, customer_id in enumerate(ids):
            if cancelled is not None and cancelled():
                raise Cancelled()
            cards.append(self.customers.get(int(customer_id)))
            if progress is not None and (i % 10 == 9 or i + 1 == len(ids)):
                progress(i + 1, total)
        return cards

    def cards_pdf(
        self,
        ids: Sequence[int],
        out: str | Path | None,
        lang: str = "en",
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        destination: str = "pdf",
    ) -> PrintResult:
        """Write the cards of ``ids`` (each from a new page) into one PDF at ``out``, atomically
        (``out`` None: returned in memory, for a printer or the preview).
        ``progress(done, total)``: loading counts the first half, laying out the second;
        ``cancelled()`` returning True stops with ``Cancelled`` and leaves ``out`` alone."""
        self._may_print()
        ids = list(dict.fromkeys(int(i) for i in ids))  # each card once, in the given order
        if not ids:
            raise errors.ValidationError("Nothing to print: no customers selected.")
        n = len(ids)
        cards = self.load_cards(ids, progress, cancelled, total=2 * n)
        layout_progress = None if progress is None else (lambda done, _t: progress(n + done, 2 * n))
        data = None
        if out is None:
            data, pages = profile_card.cards_pdf_bytes(
                cards, lang, self.printed_by, progress=layout_progress, cancelled=cancelled
            )
        else:
            out = Path(out)
            with _file_errors(out):
                pages = profile_card.write_cards(
                    out, cards, lang, self.printed_by, progress=layout_progress, cancelled=cancelled
                )
        self._audit(
            "cards",
            [c.id for c in cards],
            {
                "customers": [c.values.get("archive_no") for c in cards],
                "count": n,
                "pages": pages,
                "destination": destination,
                "file": out.name if out is not None else None,
            },
            written=out,
        )
        return PrintResult(out, pages, n, data)

    def _may_print(self) -> None:
        permissions.require(self.actor, Action.PRINT)
        if getattr(self.archive, "readonly", False):  # the audit entry could not be written
            raise errors.FolderNotWritable(
                "The archive is open read-only, and every print goes into its audit log: open it "
                "read-write to print.",
                path=str(self.archive.path),
            )

    @property
    def printed_by(self) -> str:
        return self.actor.display_name or self.actor.user_name

    # ------------------------------------------------------------------ handovers
    def handovers(self) -> list[dict[str, Any]]:
        """Handovers this user may print, newest first: managers (who do them) every one,
        others those they gave or received."""
        with self.archive.driver_errors():
            rows = handovers_store.all_newest_first(self.archive.conn)
        out = []
        for hid, from_user, to_user, approval_id, at, items in rows:
            if self._may_print_handover(from_user, to_user):
                moved = json.loads(items or "{}").get("customers", [])
                out.append(
                    {
                        "id": hid,
                        "from_user": from_user,
                        "to_user": to_user,
                        "approval_id": approval_id,
                        "at": at,
                        "customers": len(moved),
                    }
                )
        return out

    def _may_print_handover(self, from_user: str, to_user: str) -> bool:
        return (
            permissions.allowed(self.actor, Action.HANDOVER)
            or self.actor.is_(from_user)
            or self.actor.is_(to_user)
        )

    def handover(self, handover_id: int) -> dict[str, Any]:
        with self.archive.driver_errors():
            row = handovers_store.get(self.archive.conn, int(handover_id))
        if row is None:
            raise errors.NotFound(
                "No handover #{handover_id}.", handover_id=handover_id, id=handover_id
            )
        hid, from_user, to_user, approval_id, at, items = row
        if not self._may_print_handover(from_user, to_user):
            raise errors.PermissionDenied(
                "Handover #{hid} is between {from_user} and {to_user}; only they and managers may print it.",
                hid=hid,
                from_user=from_user,
                to_user=to_user,
            )
        data = json.loads(items or "{}")
        with self.archive.driver_errors():
            reason = handovers_store.reason(self.archive.conn, approval_id, from_user, to_user, at)
        return {
            "id": hid,
            "from_user": from_user,
            "to_user": to_user,
            "approval_id": approval_id,
            "at": at,
            "reason": reason,
            "customers": data.get("customers", []),
            "loans": data.get("loans", []),
            "from_name": self._display_name(from_user),
            "to_name": self._display_name(to_user),
        }

    def _display_name(self, user_name: str) -> str:
        with self.archive.driver_errors():
            name = accounts_store.display_name(self.archive.conn, user_name)
        return name or user_name

    def latest_handover_id(self, from_user: str | None = None) -> int:
        """The newest handover this user may print (of ``from_user``, if given)."""
        for h in self.handovers():
            if from_user is None or permissions.nocase(str(h["from_user"])) == permissions.nocase(
                from_user
            ):
                return int(h["id"])
        raise errors.NotFound(
            "No handover to print."
            if from_user is None
            else "No handover of {from_user} to print.",
            from_user=from_user,
        )

    def handover_pdf(
        self,
        handover_id: int,
        out: str | Path | None,
        lang: str = "en",
        *,
        destination: str = "pdf",
    ) -> PrintResult:
        """The handover list as a PDF at ``out`` (atomically), or in memory when ``out`` is None."""
        self._may_print()
        data = self.handover(handover_id)
        pdf = None
        if out is None:
            pdf, pages = handover_list.handover_pdf_bytes(data, lang, self.printed_by)
        else:
            out = Path(out)
            with _file_errors(out):
                pages = handover_list.write_handover(out, data, lang, self.printed_by)
        self._audit(
            "handover_list",
            [],
            {
                "handover": data["id"],
                "from": data["from_user"],
                "to": data["to_user"],
                "count": len(data["customers"]),
                "pages": pages,
                "destination": destination,
                "file": out.name if out is not None else None,
            },
            target_type="handover",
            target_id=data["id"],
            written=out,
        )
        return PrintResult(out, pages, len(data["customers"]), pdf)

    # ------------------------------------------------------------------ audit
    def _audit(
        self,
        what: str,
        customer_ids: list[int],
        details: dict,
        *,
        target_type: str = "customer",
        target_id: object = None,
        written: Path | None = None,
    ) -> None:
        """One audit entry for the job. Without it there is no print: if it cannot be written
        (the archive busy too long, the disk full), the PDF just written goes again."""
        if target_id is None and len(customer_ids) == 1:
            target_id = customer_ids[0]
        if written is not None:  # where the file went, in full: the log must say where it is
            details = {**details, "path": str(Path(written).expanduser().resolve())}
        try:
            with self.archive.write() as conn:
                audit.append(
                    conn,
                    user_name=self.actor.user_name,
                    action="print",
                    target_type=target_type,
                    target_id=None if target_id is None else str(target_id),
                    details={"what": what, **{k: v for k, v in details.items() if v is not None}},
                )
        except BaseException:
            if written is not None:
                with contextlib.suppress(OSError):
                    written.unlink()
            raise


@contextlib.contextmanager
def _file_errors(path: Path) -> Iterator[None]:
    """A PDF that cannot be written is one clear error (nothing was written: atomic)."""
    try:
        yield
    except PermissionError:
        raise errors.FolderNotWritable(
            "Cannot write {path}: permission denied.", path=str(path)
        ) from None
    except IsADirectoryError:
        raise errors.ValidationError(
            "{path} is a folder: give a file name.", path=str(path)
        ) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise errors.DiskFull(
                "The disk is full: {path} was not written.", path=str(path)
            ) from None
        raise errors.FolderNotWritable(
            "Cannot write {path}: {reason}.", path=str(path), reason=exc.strerror or exc
        ) from None
