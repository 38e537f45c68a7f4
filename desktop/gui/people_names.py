"""How the window names a person: the display name, with the login name where they differ."""

from __future__ import annotations


def person_label(login: str, display: str | None) -> str:
    """``孙业务 (sun)``; the login alone when there is no other display name."""
    return login if not display or display == login else f"{display} ({login})"
