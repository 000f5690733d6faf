"""One module per area; one function per user action, one transaction each."""
