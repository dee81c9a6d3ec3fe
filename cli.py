"""Run postcards from a checkout without installing: `python cli.py make`."""

from postcards.cli import main

if __name__ == "__main__":
    main(prog_name="postcards")
