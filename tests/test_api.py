"""The public calls (`import postcards`): what a bot or a web form gets, and the promises they
keep: a PDF to a path or to any stream, every refusal before the first page is drawn, the
ledger's rows made from the plan, and a quick `import postcards`."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import TODAY, data_file, prisoner_yaml, read_runs, reader

import postcards
from postcards.source.resources import bundled_data

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHEKINA = ["Чекиной Людмиле Юрьевне", "ИК № 4", "ул. Антошкина, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"]


class WriteOnly:
    """A stream as a web response is one: it can be written to, nothing else."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)


def options(**chosen: object) -> postcards.CardOptions:
    return postcards.CardOptions(today=TODAY, **chosen)  # type: ignore[arg-type]


def test_every_public_name_is_there_and_documented() -> None:
    for name in postcards.__all__:
        value = getattr(postcards, name)
        if callable(value) and not isinstance(value, type):
            assert value.__doc__, name
            assert f"`{name}(" in (DOCS / "api.md").read_text(encoding="utf-8"), name
    assert set(postcards.__all__) <= set(dir(postcards))
    # the package lists the API's names again so that `import postcards` stays cheap: keep them one list
    assert sorted(postcards.__all__) == sorted([*postcards.api.__all__, "__version__"])
    with pytest.raises(AttributeError):
        postcards.make_postcards  # noqa: B018


HEAVY = ("postcards.api", "postcards.layout", "postcards.pdf", "reportlab", "yaml", "pytrovich", "iuliia")


@pytest.mark.parametrize("module", ["postcards", "postcards.cli"])
def test_importing_postcards_or_its_command_loads_none_of_the_work(module: str) -> None:
    """`import postcards` and `postcards --version` start quickly: the work loads when used."""
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_load_gives_the_bundled_list_by_default() -> None:
    assert postcards.load().file == postcards.load(bundled_data()).file == str(bundled_data())
    assert [p.id for p in postcards.load().prisoners] == ["chekina", "zolatava", "loika"]


def test_address_blocks_exact_lines() -> None:
    dataset = postcards.load()
    blocks = postcards.address_blocks(dataset)
    assert [b.id for b in blocks] == ["chekina", "loika"]  # zolatava is released: no block from a dataset
    assert list(blocks[0].lines) == CHEKINA
    nominative = postcards.address_blocks(dataset.prisoners[:1], postcards.AddressOptions("nominative", False))
    assert list(nominative[0].lines) == ["Людмила Чекина", *CHEKINA[1:-1]]


def test_select_names_who_is_skipped_and_why(tmp_path: Path) -> None:
    dataset = postcards.load(data_file(tmp_path, prisoner_yaml(), prisoner_yaml("free", extra="institution: IK-4\nstatus: released")))
    chosen = postcards.select(dataset, today=TODAY)
    assert [p.id for p in chosen.prisoners] == ["chekina"]
    assert [(p.id, why) for p, why in chosen.skipped] == [("free", "released")]
    with pytest.raises(postcards.PostcardsError, match="no prisoner with id 'chekin'"):
        postcards.select(dataset, postcards.Filters(only=("chekin",)), today=TODAY)


def test_lint_flags_a_political_word() -> None:
    [finding] = postcards.lint("Желаю Вам свободы и сил!")
    assert (finding.word, finding.line, finding.column, finding.rule) == ("свободы", 1, 11, "freedom")
    assert postcards.lint("Желаю Вам здоровья!") == []


def test_messages_planned_and_rendered_as_the_cards_print_them(tmp_path: Path) -> None:
    dataset = postcards.load()
    planned = postcards.plan_messages(dataset, options(seed=2))
    assert [p.id for p, _ in planned] == ["chekina", "loika"]
    chekina, first = planned[0]
    assert first.paragraphs[0] == "Здравствуйте, Людмила Юрьевна!"
    assert postcards.render_message(first.id, chekina) == first
    warm = postcards.render_message(first.id, chekina, register="warm")
    assert warm.paragraphs[0] == "Дорогая Людмила!"
    result = postcards.make_cards(dataset, options(seed=2), tmp_path / "out.pdf")
    assert [c.message for c in result.cards] == [m.id for _, m in planned]
    text = " ".join(r.text for r in read_runs(tmp_path / "out.pdf"))
    assert all(" ".join(m.paragraphs) in text for _, m in planned)


def test_cards_to_a_stream_and_to_a_path_are_the_same_pdf(tmp_path: Path) -> None:
    dataset = postcards.load()
    buffer = io.BytesIO()
    to_stream = postcards.make_cards(dataset, options(), buffer)
    to_path = postcards.make_cards(dataset, options(), tmp_path / "cards.pdf")
    write_only = WriteOnly()
    postcards.make_cards(dataset, options(), write_only)
    assert buffer.getvalue() == (tmp_path / "cards.pdf").read_bytes() == b"".join(write_only.parts)
    assert to_stream.output is None and to_path.output == tmp_path / "cards.pdf"
    assert to_stream.bytes == len(buffer.getvalue()) and to_stream.pages == to_stream.sheets == 1
    assert [c.prisoner for c in to_stream.cards] == ["chekina", "loika"]
    assert [(p.id, why) for p, why in to_stream.selection.skipped] == [("zolatava", "released")]
    text = reader(buffer.getvalue()).pages[0].extract_text()
    assert all(name in text for name in ("Чекиной Людмиле Юрьевне", "Лойко Анастасии Юрьевне"))


def test_an_event_to_a_stream(tmp_path: Path) -> None:
    out = WriteOnly()
    drawn: list[tuple[int, int]] = []
    result = postcards.make_event(postcards.load(), options(), postcards.EventOptions(writers=2), out,
                                  progress=lambda done, total: drawn.append((done, total)))
    pages = [page.extract_text() for page in reader(b"".join(out.parts)).pages]
    assert pages[0].startswith("Letter-writing evening, 2026-06-01: organiser's summary")
    assert [c.pack for c in result.cards] == [1, 2]
    assert result.pages == len(pages) and drawn == [(1, 2), (2, 2)]


def test_the_ledger_rows_are_the_plan_as_printed(tmp_path: Path) -> None:
    dataset, ledger = postcards.load(), tmp_path / "sent.csv"
    planned = postcards.plan_messages(dataset, options(), ledger=ledger)
    result = postcards.make_cards(dataset, options(), tmp_path / "out.pdf", ledger=ledger)
    assert result.recorded == ledger
    with ledger.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["prisoner"], r["message"], r["text"]) for r in rows] == [
        (p.id, m.id, m.text) for p, m in planned]
    again = postcards.plan_messages(dataset, options(), ledger=ledger)
    assert all(m.id != before.id for (_, m), (_, before) in zip(again, planned, strict=True))


@pytest.mark.parametrize("crib", [False, True])
def test_cards_laid_out_again_are_the_cards_decided(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    crib: bool) -> None:
    """A long run keeps only the first cards' layouts; the rest are laid out again from their
    sizes when drawn, and come out the same, shrunk text included."""
    import postcards.layout.cards

    own = tmp_path / "own.txt"
    own.write_text("Здравствуйте, {name}!\n" + "Пусть каждый день приносит хотя бы маленькую радость. " * 9,
                   encoding="utf-8")

    def evening() -> bytes:
        out = io.BytesIO()
        postcards.make_event(postcards.load(), options(crib=crib, message_file=own),
                             postcards.EventOptions(writers=2), out)
        return out.getvalue()

    kept = evening()
    assert min(r.size for r in read_runs(kept) if "радость" in r.text) < 11  # shrunk to fit
    monkeypatch.setattr(postcards.layout.cards, "KEPT_CARDS", 1)
    assert evening() == kept


def many(tmp_path: Path, count: int, last: str) -> postcards.Dataset:
    people = [prisoner_yaml(f"p{i}", "Жук Борис Ильич") for i in range(count - 1)]
    return postcards.load(data_file(tmp_path, *people, prisoner_yaml("last", "Жук Борис Ильич", last)))


@pytest.fixture
def drawing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was drawn or written: the spy on the document writer and the card painter."""
    import postcards.api.jobs
    from postcards.pdf.painters import CardPainter

    calls: list[str] = []
    render_document = vars(postcards.api.jobs)["render_document"]
    draw = CardPainter.draw

    def spied_render(*args: object, **kwargs: object) -> object:
        calls.append("document")
        return render_document(*args, **kwargs)

    def spied_draw(self: CardPainter, *args: object) -> None:
        calls.append("card")
        draw(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(postcards.api.jobs, "render_document", spied_render)
    monkeypatch.setattr(CardPainter, "draw", spied_draw)
    return calls


@pytest.mark.parametrize(("last", "crib", "refusal"), [
    ("address: {name: ИК № 4, street: ул. Антошкина 3 ★, postcode: 246035, locality: г. Гомель}", False,
     r"the card for 'last' has characters the font cannot draw: '★' \(U\+2605\)"),
    ("address: {name: ИК № 4, street: " + "ул. Антошкина " * 6 + ", postcode: 246035, locality: г. Гомель}",
     False, "the address of 'last' is too wide"),
    ("institution: IK-4\nabout: " + "A long life's story told at length. " * 1000, True,
     "the crib for 'last' does not fit"),
])
def test_a_bad_last_card_is_refused_before_anything_is_drawn(tmp_path: Path, drawing: list[str], last: str,
                                                             crib: bool, refusal: str) -> None:
    dataset = many(tmp_path, 401, last)
    out = tmp_path / "out.pdf"
    with pytest.raises(postcards.PostcardsError, match=refusal) as caught:
        postcards.make_cards(dataset, options(crib=crib), out)
    assert len(caught.value.problems) == 1
    assert drawing == [] and not out.exists()
    postcards.make_cards(many(tmp_path, 4, "institution: IK-4"), options(crib=crib), out)
    assert drawing[0] == "document" and drawing.count("card") == 4  # the spy sees drawing when there is some


def test_a_refused_card_before_others_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    wide = "address: {name: ИК № 4, street: " + "ул. Антошкина " * 6 + ", postcode: 246035, locality: г. Гомель}"
    people = [prisoner_yaml("first", "Жук Борис Ильич", wide), prisoner_yaml("fine", "Жук Борис Ильич"),
              prisoner_yaml("also", "Жук Борис Ильич", wide.replace("ИК № 4", "ИК № 9"))]
    with pytest.raises(postcards.PostcardsError) as caught:
        postcards.make_cards(postcards.load(data_file(tmp_path, *people)), options(), io.BytesIO())
    assert [p.message.split(" is ")[0] for p in caught.value.problems] == [
        "the address of 'first'", "the address of 'also'"]


def test_summary_glyphs_are_refused_before_anything_is_drawn(tmp_path: Path, drawing: list[str]) -> None:
    released = "institution: IK-4\nstatus: released"
    dataset = postcards.load(data_file(tmp_path, prisoner_yaml(),
                                       prisoner_yaml("free", "{ru: Новик Глеб Ильич, latin: Gleb ★ Novik}", released)))
    with pytest.raises(postcards.PostcardsError, match="a summary or cover sheet has characters the font cannot"):
        postcards.make_event(dataset, options(), postcards.EventOptions(writers=1), io.BytesIO())
    assert drawing == []


def test_many_refusals_are_listed_once_each_and_counted(tmp_path: Path) -> None:
    own = tmp_path / "long.txt"
    own.write_text("Очень длинное письмо. " * 80, encoding="utf-8")
    dataset = many(tmp_path, 30, "institution: IK-4")
    with pytest.raises(postcards.PostcardsError) as caught:
        postcards.make_cards(dataset, options(message_file=own), io.BytesIO())
    lines = caught.value.lines()
    assert len(lines) == 21 and all("does not fit the card" in line for line in lines[:20])
    assert lines[-1] == "and 10 more problems of the same kinds; mend those above and run again"


def test_today_is_given_never_read() -> None:
    with pytest.raises(TypeError):
        postcards.CardOptions()  # type: ignore[call-arg]
    later = postcards.CardOptions(today=date(2026, 12, 20))
    occasions = {m.occasion for _, m in postcards.plan_messages(postcards.load(), later)}
    assert occasions == {"winter"}


def test_address_blocks_in_belarusian_carry_their_warnings(tmp_path: Path) -> None:
    people = postcards.load()
    be = postcards.AddressOptions(script="be")
    assert postcards.address_blocks(people, postcards.AddressOptions(script="ru")) == postcards.address_blocks(people)
    blocks = postcards.address_blocks(people, be)
    assert blocks[0] == postcards.AddressBlock(
        "chekina", ("Чэкінай Людміле Юр'еўне", "ПК № 4", "вул. Антошкіна, 3", "246035, г. Гомель", "REPUBLIC OF BELARUS"))
    assert [b.id for b in blocks] == ["chekina", "loika"]
    assert [w.field for w in blocks[1].warnings] == ["prisoners[2].dative_be"]  # Лойка, left as written
    assert postcards.check(people, today=TODAY, address=be)[0] == blocks[1].warnings[0]


def test_address_blocks_refuse_every_address_the_script_cannot_carry(tmp_path: Path) -> None:
    dataset = postcards.load(data_file(tmp_path, prisoner_yaml("a", extra="institution: IK-24"), prisoner_yaml(),
                                       prisoner_yaml("b", extra="institution: IK-24")))
    with pytest.raises(postcards.PostcardsError) as caught:
        postcards.address_blocks(dataset)
    assert [p.field for p in caught.value.problems] == ["prisoners[0].institution", "prisoners[2].institution"]
    assert [b.id for b in postcards.address_blocks(dataset, postcards.AddressOptions(script="be"))] == [
        "a", "chekina", "b"]


def test_make_cards_tells_the_address_warnings_before_drawing(tmp_path: Path, drawing: list[str]) -> None:
    heard: list[tuple[str, list[str]]] = []
    dataset = postcards.load(data_file(tmp_path, prisoner_yaml(extra="institution: IK-9")))
    chosen = options(copies=2, address=postcards.AddressOptions(script="be"))
    result = postcards.make_cards(dataset, chosen, io.BytesIO(),
                                  warn=lambda found: heard.append((str(drawing), [w.field or "" for w in found])))
    fields = ["prisoners[0].name.be", "institutions.IK-9.be.name", "institutions.IK-9.be.street",
              "institutions.IK-9.be.locality"]
    assert heard == [("[]", fields)]  # once, nothing drawn yet
    assert [w.field for w in result.address_warnings] == fields


def test_the_docs_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    example = blocks[0]  # test_add runs the one with add_person
    [released] = [code for code in blocks if "match_names" in code]
    monkeypatch.chdir(tmp_path)
    names: dict[str, object] = {}
    exec(compile(example, "docs/api.md", "exec"), names)
    exec(compile(released, "docs/api.md", "exec"), names)  # the release list example goes on from there
    printed = capsys.readouterr().out
    assert "1 zolatava exact True Марина Золотова\n2 zolatava initials False Zolotova M. V." in printed
    assert "() ('zolatava',)" in printed
    assert f"chekina {tuple(CHEKINA)}" in printed and "свободы" in printed
    assert """chekina ("Чэкінай Людміле Юр'еўне", 'ПК № 4',""" in printed
    assert reader(tmp_path / "chekina.pdf").pages[0].extract_text().count("Чекиной Людмиле Юрьевне") == 1
