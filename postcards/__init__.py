"""postcards: printable postcards to political prisoners in Belarus, addressed as the post expects.

The documented calls (docs/api.md) are importable from here: ``postcards.load``,
``postcards.make_cards`` and the rest of ``__all__``. They are loaded on first use, so
``import postcards`` (and ``postcards --version``) stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"  # the one place the version is written (setup.cfg reads it)

if TYPE_CHECKING:
    from postcards.api import (
        Added,
        AddressBlock,
        AddressOptions,
        CardOptions,
        CardRecord,
        Dataset,
        EventOptions,
        Filters,
        Finding,
        Imported,
        Library,
        Marked,
        MarkedCards,
        Message,
        Parsed,
        PostcardsError,
        Prisoner,
        Problem,
        Result,
        Selection,
        add_person,
        address_blocks,
        check,
        import_people,
        library,
        lint,
        load,
        make_cards,
        make_event,
        mark_cards,
        mark_moved,
        mark_released,
        match_names,
        parse_person,
        pasted_people,
        plan_messages,
        render_message,
        select,
    )

__all__ = [
    "Added",
    "AddressBlock",
    "AddressOptions",
    "CardOptions",
    "CardRecord",
    "Dataset",
    "EventOptions",
    "Filters",
    "Finding",
    "Imported",
    "Library",
    "Marked",
    "MarkedCards",
    "Message",
    "Parsed",
    "PostcardsError",
    "Prisoner",
    "Problem",
    "Result",
    "Selection",
    "__version__",
    "add_person",
    "address_blocks",
    "check",
    "import_people",
    "library",
    "lint",
    "load",
    "make_cards",
    "make_event",
    "mark_cards",
    "mark_moved",
    "mark_released",
    "match_names",
    "parse_person",
    "pasted_people",
    "plan_messages",
    "render_message",
    "select",
]


def __getattr__(name: str) -> Any:
    """The public names, imported from `postcards.api` when first asked for (PEP 562)."""
    if name not in __all__:
        raise AttributeError(f"module 'postcards' has no attribute '{name}'")
    from postcards import api

    value = getattr(api, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
