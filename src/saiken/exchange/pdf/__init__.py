"""PDF documents (reportlab, IPAex fonts embedded)."""
