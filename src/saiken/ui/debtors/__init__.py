"""The debtor screens: the lazy list with filters, the debtor card and its dialogs."""
