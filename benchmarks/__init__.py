"""Saiken Desk benchmarks: `make bench` (or `python -m benchmarks`). See benchmarks/README.md."""
