"""--post-from and post_from:, the warning before printing, the postage on the organiser's
summary, and --route courier, through the CLI and the API."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import data_file, prisoner_yaml, read_runs, reader, run

import postcards
from postcards.shared.errors import PostcardsError

TODAY = "2026-06-01"


def people(tmp_path: Path, count: int = 3) -> Path:
    names = ["Чекина Анна Юрьевна", "Жук Борис Ильич", "Лойко Вера Юрьевна"]
    items = [prisoner_yaml(f"p{i}", names[i], "institution: IK-4\nverified: 2026-05-01\n") for i in range(count)]
    return data_file(tmp_path, *items, name="prisoners.yaml")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


FINLAND = ("warning: Posti (Finland) carries no mail to Belarus since 2022-04-11 (moyby.com; money.pl): cards "
           "posted there do not arrive; what others do: groups in Warsaw and Białystok hand cards to couriers who "
           "post them inside Belarus (belsat.eu): print those cards with --route courier, without the country "
           "line and without a foreign return address.")


def test_posting_from_finland_warns_before_printing(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", people(in_tmp), "--post-from", "FI", "--today", TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == FINLAND
    assert lines[1].startswith("Wrote postcards.pdf: 3 cards")
    assert lines[2] == ("Postage from Finland: none to count: Posti (Finland) carries no mail to Belarus since "
                        "2022-04-11 (moyby.com; money.pl).")


def test_the_warning_is_heard_before_a_byte_of_the_pdf_is_written() -> None:
    heard: list[str] = []

    class Stream(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            heard.append("pdf")
            return super().write(data)

    options = postcards.CardOptions(today=date(2026, 6, 1), post_from="FI")
    result = postcards.make_cards(postcards.load(), options, Stream(),
                                  warn=lambda problems: heard.extend(p.format("warning") for p in problems))
    assert heard[0] == FINLAND and heard[1] == "pdf"
    assert result.route is not None and result.route.code == "FI"
    assert [p.format("warning") for p in result.route_warnings] == [FINLAND]


def test_an_unknown_country_stops_the_run_before_printing(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "make", people(in_tmp), "--post-from", "DEU", "--today", TODAY)
    assert result.exit_code == 1 and not (in_tmp / "postcards.pdf").exists()
    assert result.stderr.startswith("--post-from: no route known from 'DEU'; known: DE (Germany), ")
    assert len(result.stderr.splitlines()) == 1


def test_post_from_in_the_config_file(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "config.yaml").write_text("post_from: de\n", encoding="utf-8")
    result = run(runner, "make", people(in_tmp), "--config", "config.yaml", "--today", TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    assert "Postage from Germany: 3 cards × 1.25 EUR = 3.75 EUR, the postcard price since 2025-01-01" in result.stderr
    (in_tmp / "config.yaml").write_text("sender: [Анна]\npost_from: Finnland\n", encoding="utf-8")
    bad = run(runner, "make", people(in_tmp), "--config", "config.yaml", "--today", TODAY, "--no-ledger")
    assert bad.exit_code == 1
    assert bad.stderr == ("config.yaml:2:12: post_from: no route known from 'Finnland'; did you mean 'FI' "
                          "(Finland)? known: DE (Germany), FI (Finland), CZ (Czechia), PL (Poland), SE (Sweden), "
                          "DK (Denmark), AU (Australia), CH (Switzerland), GB (United Kingdom), US (United States)\n")


def test_the_summary_gives_the_evenings_postage(runner: CliRunner, in_tmp: Path) -> None:
    result = run(runner, "event", people(in_tmp), "--writers", "2", "--post-from", "DE", "--today", TODAY,
                 "--no-ledger")
    assert result.exit_code == 0, result.stderr
    summary = flat(reader(in_tmp / "event.pdf").pages[0].extract_text())
    assert ('Postage from Germany: 3 cards × 1.25 EUR = 3.75 EUR, the postcard price since 2025-01-01 (source: '
            'briefmarken.de, "kein Postkarten-Entgelt mehr": a postcard abroad costs what a letter up to 20 g '
            'does).') in summary
    plain = run(runner, "event", people(in_tmp), "--writers", "2", "--today", TODAY, "--no-ledger")
    assert plain.exit_code == 0 and "Postage" not in plain.stderr
    assert "Postage" not in reader(in_tmp / "event.pdf").pages[0].extract_text()


def test_cards_for_a_courier_have_no_country_line_and_no_sender(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "config.yaml").write_text("sender: [Анна Шмидт, Германия, Берлин]\npost_from: DE\n", encoding="utf-8")
    data = people(in_tmp)
    posted = run(runner, "make", data, "--config", "config.yaml", "--today", TODAY, "--no-ledger", "-o", "post.pdf")
    texts = {r.text for r in read_runs(in_tmp / "post.pdf")}
    assert "REPUBLIC OF BELARUS" in texts and "Анна Шмидт" in texts  # what the courier route takes off
    result = run(runner, "event", data, "--writers", "1", "--route", "courier", "--config", "config.yaml",
                 "--today", TODAY, "--no-ledger")
    assert result.exit_code == 0, result.stderr
    assert posted.exit_code == 0
    assert result.stderr.startswith("warning: the sender lines of config.yaml are left off: a card posted inside "
                                    "Belarus carries no foreign return address (--route courier)\n")
    pdf = reader(in_tmp / "event.pdf")
    cards = " ".join(page.extract_text() for page in pdf.pages[2:])
    assert "REPUBLIC OF BELARUS" not in cards and "Шмидт" not in cards and "Германия" not in cards
    assert "246035, г. Гомель" in cards
    assert ("Route: a courier who posts the cards inside Belarus, so they carry no country line and no return "
            "address. Postage: the courier's; none is counted here.") in flat(pdf.pages[0].extract_text())


@pytest.mark.parametrize(("args", "said"), [
    (["--from", "Анна"], "Error: --from: a foreign return address must not go on a card posted inside Belarus; "
                         "leave out --from with --route courier"),
    (["--post-from", "DE"], "Error: --post-from is for cards posted abroad; --route courier cards are posted "
                            "inside Belarus"),
])
def test_a_courier_route_refuses_what_belongs_to_posting_abroad(runner: CliRunner, in_tmp: Path, args: list[str],
                                                                said: str) -> None:
    result = run(runner, "make", people(in_tmp), "--route", "courier", *args, "--today", TODAY)
    assert result.exit_code == 2 and result.stderr.splitlines()[-1] == said
    assert not (in_tmp / "postcards.pdf").exists()


@pytest.mark.parametrize(("options", "line"), [
    ({"sender": ("Анна",)}, "--from: a foreign return address must not go on a card posted inside Belarus; "
                            "leave out the sender lines with --route courier"),
    ({"address": postcards.AddressOptions()}, "--route courier: a card posted inside Belarus carries no country "
                                              "line; give AddressOptions(country=False)"),
])
def test_the_library_refuses_a_courier_card_with_a_country_line_or_sender(options: dict[str, object],
                                                                         line: str) -> None:
    chosen = {"address": postcards.AddressOptions(country=False), **options}
    with pytest.raises(PostcardsError) as caught:
        postcards.make_cards(postcards.load(), postcards.CardOptions(today=date(2026, 6, 1), route="courier",
                                                                     **chosen), io.BytesIO())  # type: ignore[arg-type]
    assert caught.value.lines() == [line]
