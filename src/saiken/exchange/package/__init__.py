"""Handover package format."""
