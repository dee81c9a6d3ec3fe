"""`python -m postcards`."""

from postcards.cli import main

main(prog_name="postcards")
