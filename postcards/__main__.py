"""`python -m postcards`."""

from .cli import main

main(prog_name="postcards")
