"""File formats: excel/, pdf/, package/. No database."""
