"""The errors a handover package can raise, each one Japanese line that says what to do.

They are all of the one family (`saiken.domain.errors`); none carries a byte of the package's content.
"""

from __future__ import annotations

from saiken.domain.errors import CorruptFileError, IntegrityError, ValidationError, WrongPasswordError

CD_R_BYTES = 700_000_000  # one 700 MB CD-R


def megabytes(size: int) -> str:
    """`734003200` → `734.0 MB` (decimal megabytes, as media are labelled)."""
    return f"{size / 1_000_000:,.1f} MB"


class PackageTooLargeError(ValidationError):
    """The package would not fit on one medium. `size` is what it came to; `limit` what fits."""

    def __init__(self, size: int, limit: int = CD_R_BYTES) -> None:
        parts = -(-size // limit) if limit > 0 else 1
        super().__init__(
            f"パッケージが {megabytes(size)} になり、1 枚の媒体（{megabytes(limit)}）に収まりません。何も書き出していません。",
            hint=f"範囲を分けて {max(parts, 2)} つ以上のパッケージに分割してください（分割の案を表示できます）。",
        )
        self.size = size
        self.limit = limit


def not_a_package(name: str, why: str = "") -> CorruptFileError:
    detail = f"（{why}）" if why else ""
    return CorruptFileError(
        f"「{name}」は債権デスクの受渡パッケージではないか、壊れています{detail}。何も取り込んでいません。",
        hint="受け取った媒体のファイルをそのまま選んでください。",
    )


def truncated(name: str) -> CorruptFileError:
    return CorruptFileError(
        f"「{name}」は途中で切れています（コピーが終わっていないか、媒体が傷んでいます）。何も取り込んでいません。",
        hint="媒体から改めてコピーするか、送り手に作り直しを依頼してください。",
    )


def tampered(name: str) -> IntegrityError:
    return IntegrityError(
        f"「{name}」の中身が作成時と一致しません（1 バイトでも変わっていれば受け付けません）。何も取り込んでいません。",
        hint="媒体から改めてコピーするか、送り手に作り直しを依頼してください。",
    )


def wrong_password() -> WrongPasswordError:
    return WrongPasswordError(
        "パッケージのパスワードが違います。何も取り込んでいません。",
        hint="パスワード通知書の文字をもう一度確かめて入力してください。",
    )


def too_big_to_read(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError(
        f"「{name}」は {megabytes(size)} あり、受け付けられる大きさ（{megabytes(limit)}）を超えています。何も取り込んでいません。",
        hint="送り手に、範囲を分けた複数のパッケージで送るよう依頼してください。",
    )
