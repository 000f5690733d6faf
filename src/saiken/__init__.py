"""Saiken Desk (債権デスク): offline, encrypted claim-collection and consultation records."""

__version__ = "0.1.0"
