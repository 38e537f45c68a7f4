"""The passphrase rule and its strength hint (zxcvbn's estimate, not a home-made one)."""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 8

# Scores 0..4 from zxcvbn; the labels are keys the GUI translates.
LABELS = ("very_weak", "weak", "fair", "good", "strong")


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    label: str  # one of LABELS
    crack_time: str  # zxcvbn's offline slow-hash estimate, in English ("centuries")
    acceptable: bool  # long enough to be allowed at all


def strength(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, LABELS[0], "instant", False)
    # Imported when a passphrase is typed: its word lists cost ~10 MB a window rarely needs.
    from zxcvbn import zxcvbn

    # zxcvbn's cost grows with length; the first 100 characters decide the estimate.
    result = zxcvbn(passphrase[:100])
    score = int(result["score"])
    crack = str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"])
    return Strength(score, LABELS[score], crack, len(passphrase) >= MIN_LENGTH)


def problem(passphrase: str, repeated: str | None = None) -> str | None:
    """Why a new passphrase is refused (a key the GUI translates), or None."""
    if len(passphrase) < MIN_LENGTH:
        return "too_short"
    if repeated is not None and repeated != passphrase:
        return "mismatch"
    return None
