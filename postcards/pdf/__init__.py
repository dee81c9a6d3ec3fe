"""Layer 6: drawing and the document; every reach into ReportLab's internals is here."""
