"""Excel import and export."""
