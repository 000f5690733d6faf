"""Shared parts every area uses: background operations, errors and dialogs, clipboard, page context,
empty state, password fields, tables, input fields and how values are shown."""
