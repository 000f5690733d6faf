"""The statuses of a debtor file (債務者の状況) and the colours the GUI shows them in."""

from __future__ import annotations

NOT_STARTED = "未着手"
DEMANDING = "督促中"
NEGOTIATING = "交渉中"
INSTALMENTS = "分納中"
PAID_IN_FULL = "完納"
DIFFICULT = "回収困難"
TIME_BARRED = "時効完成"

STATUSES: tuple[str, ...] = (
    NOT_STARTED,
    DEMANDING,
    NEGOTIATING,
    INSTALMENTS,
    PAID_IN_FULL,
    DIFFICULT,
    TIME_BARRED,
)

# Background colours (#RRGGBB) for status chips and list rows; chosen to stay readable with black text.
STATUS_COLOURS: dict[str, str] = {
    NOT_STARTED: "#E0E0E0",
    DEMANDING: "#FFE0B2",
    NEGOTIATING: "#BBDEFB",
    INSTALMENTS: "#C8E6C9",
    PAID_IN_FULL: "#A5D6A7",
    DIFFICULT: "#FFCDD2",
    TIME_BARRED: "#D1C4E9",
}

# Statuses in which nothing more is to be collected (the file is closed).
CLOSED_STATUSES: frozenset[str] = frozenset({PAID_IN_FULL, TIME_BARRED})


def check_status(status: str) -> str:
    """The status unchanged if it is one of STATUSES; otherwise a ValidationError naming the choices."""
    from saiken.domain.errors import ValidationError

    if status not in STATUSES:
        raise ValidationError(
            f"状況「{status}」は使えません。次のどれかを選んでください: {'、'.join(STATUSES)}"
        )
    return status
