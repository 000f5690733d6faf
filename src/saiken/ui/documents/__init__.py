"""The 文書 area (issue 8): templates, making and printing letters, batches sent, the letterhead."""
