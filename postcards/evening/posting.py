"""What the way the cards travel means for a run: a warning before printing when the post
they are to go by carries no mail to Belarus, and the postage of the evening in words."""

from __future__ import annotations

from decimal import Decimal

from postcards.shared.errors import PostcardsError, Problem
from postcards.shared.options import CardOptions
from postcards.shared.words import plural
from postcards.source.routes import Price, Route, Routes, routes

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def chosen_route(options: CardOptions) -> tuple[Route | None, tuple[Problem, ...]]:
    """The country the cards are posted from, and a warning when its post carries nothing to
    Belarus. Cards for a courier, posted inside Belarus, carry no country line and no foreign
    return address: options that give them one are refused."""
    if options.route == "courier":
        if options.sender:
            raise PostcardsError("a foreign return address must not go on a card posted inside Belarus",
                                 field=options.sender_from,
                                 hint="leave out the sender lines with --route courier")
        if options.address.country:
            raise PostcardsError("a card posted inside Belarus carries no country line",
                                 field="--route courier", hint="give AddressOptions(country=False)")
        return None, ()
    if options.post_from is None:
        return None, ()
    found = routes().named(options.post_from, field=options.post_from_field)
    return found, route_warnings(found, routes())


def dated(when: str) -> str:
    """'2022-04-11' as it is, '2022-04' as 'April 2022', '2023' as it is."""
    if len(when) == 7:
        return f"{MONTHS[int(when[5:]) - 1]} {when[:4]}"
    return when


def stopped(route: Route) -> str:
    """'Posti (Finland) carries no mail to Belarus since 2022-04-11 (moyby.com; money.pl)'."""
    verb = "reportedly carries" if route.reported else "carries"
    return f"{route.posts} {verb} no mail to Belarus since {dated(route.since or '?')} ({route.source})"


def route_warnings(route: Route | None, routes: Routes) -> tuple[Problem, ...]:
    """A warning when the cards are to be posted where the post carries nothing to Belarus,
    saying what others do instead."""
    if route is None or route.to_belarus != "stopped":
        return ()
    others = routes.courier[:1].lower() + routes.courier[1:]
    fate = "may not arrive: ask at the post office" if route.reported else "do not arrive"
    return (Problem(f"{stopped(route)}: cards posted there {fate}", hint=f"what others do: {others}"),)


def postage(route: Route | None, cards: int, courier: bool = False) -> str:
    """The postage of `cards` postcards posted from `route`'s country, with the price's date
    and source, in one sentence; or why none is counted; "" when no country is named (the
    summary of a run without --post-from stays as it was)."""
    if courier:
        return ("Route: a courier who posts the cards inside Belarus, so they carry no country line "
                "and no return address. Postage: the courier's; none is counted here.")
    if route is None:
        return ""
    if route.to_belarus == "stopped":
        return f"Postage from {route.name}: none to count: {stopped(route)}."
    price = route.postcard
    if price is None:
        return f"Postage from {route.name}: no postcard price is known."
    total = price.amount * cards
    return (f"Postage from {route.name}: {plural(cards, 'card')} × {_money(price.amount, price.currency)} = "
            f"{_money(total, price.currency)}, {_when(price)} ({_source(price)}).")


def _money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}"


def _when(price: Price) -> str:
    if price.since:
        return f"the postcard price since {dated(price.since)}"
    if price.seen:
        return f"the postcard price as seen in {dated(price.seen)}"
    return "the postcard price, undated"


def _source(price: Price) -> str:
    source = f"weak source: {price.source}" if price.weak else f"source: {price.source}"
    return f"{price.note}; {source}" if price.note else source
