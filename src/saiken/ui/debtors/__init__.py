"""The debtor screens (issue 3): the lazy list with filters, the debtor card and its dialogs."""
