"""postcards: printable postcards to political prisoners in Belarus, addressed as the post expects."""

__version__ = "0.1.0"  # the one place the version is written (setup.cfg reads it)
