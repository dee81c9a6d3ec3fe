"""postcards: printable postcards to political prisoners in Belarus, addressed as the post expects."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("postcards")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.1.0"
