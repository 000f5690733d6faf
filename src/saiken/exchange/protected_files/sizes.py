"""Sizes as a person reads them in a message: 1,024KB, 20MB."""

from __future__ import annotations


def describe_size(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f}MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f}KB"
