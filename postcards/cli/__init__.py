"""The `postcards` command line: click commands over the documented API."""

from postcards.cli.main import main

__all__ = ["main"]
