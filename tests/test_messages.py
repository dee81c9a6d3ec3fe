"""The message library: authoring errors name file, line and id; every bundled message is
safe, short and agrees in gender; the choice is deterministic, varied and never repeats."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from helpers import LIBRARY_HEAD, TODAY, data_file, library_file, prisoner_yaml

from postcards.shared.errors import PostcardsError
from postcards.shared.model import Prisoner
from postcards.shared.script import foreign_letters
from postcards.source.records import load_dataset
from postcards.text.censor import lint
from postcards.text.messages import MAX_MESSAGE_CHARS, bundled_library, choose, load_library, render


def authoring_error(tmp_path: Path, text: str, occasion: str = "general") -> str:
    path = library_file(tmp_path, "mine", text, occasion=occasion)
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    (line,) = caught.value.lines()
    return line.replace(str(path), "messages.yaml")


@pytest.mark.parametrize(("text", "expected"), [
    ("Здравствуйте, {nmae}!", "unknown placeholder '{nmae}'; did you mean 'name'?; known: {name}, {given}, {ж|м}, {я:ж|м}"),
    ("Вы не {одна}.", "unknown placeholder '{одна}'; known: {name}, {given}, {ж|м}, {я:ж|м}"),
    ("Вы не {одна|}.", "'{одна|}' needs two forms, for a woman and a man: {одна|один}"),
    ("Я {я:рада}.", "'{я:рада}' needs two forms, for the writer as a woman and as a man: {я:рада|рад}"),
    ("Здравствуйте, {name!", "a brace is not closed (or not opened): write placeholders as {name}"),
    ("Hello, {name}!", "has a Latin letter 'H' at character 1 (looks like Cyrillic 'Н'); a card carries Russian or Belarusian only"),
    ("Желаю Вам свободы!", "'свободы' (freedom): \"freedom\" is read as a political word (Libereco); instead: wish them strength, health and patience"),
])
def test_template_errors_name_file_line_and_id(tmp_path: Path, text: str, expected: str) -> None:
    assert authoring_error(tmp_path, text) == f"messages.yaml:9:11: messages[0].text: message 'mine': {expected}"


def test_unknown_occasion_and_too_long_message(tmp_path: Path) -> None:
    assert authoring_error(tmp_path, "Добрый день.", occasion="easter") == (
        "messages.yaml:8:15: messages[0].occasion: unknown occasion 'easter'; "
        "use one of: general, birthday, winter, spring")
    long = "Желаю Вам здоровья. " * 19
    assert authoring_error(tmp_path, long) == (
        f"messages.yaml:6:5: message 'mine' is {len(long.strip()) + 41} characters with its greeting and a "
        f"long name; keep it under {MAX_MESSAGE_CHARS}: short texts reach people")


def people(tmp_path: Path) -> tuple[Prisoner, ...]:
    woman = prisoner_yaml("woman", "{ru: Лойко Анастасия Юрьевна, be: Лойка Анастасія Юр'еўна}")
    man = prisoner_yaml("man", "{ru: Бяляцкий Алесь Викторович, be: Бяляцкі Алесь Віктаравіч}")
    long = prisoner_yaml("long", "{ru: Шарендо-Панасюк Александра Константиновна, "
                                 "be: Шарэнда-Панасюк Аляксандра Канстанцінаўна}")
    return load_dataset(data_file(tmp_path, woman, man, long)).prisoners


def test_library_has_enough_messages_for_every_occasion() -> None:
    counts = Counter((t.lang, t.occasion) for t in bundled_library().templates)
    for lang in ("ru", "be"):
        assert sum(n for (lang_, _), n in counts.items() if lang_ == lang) >= 16
        assert counts[(lang, "general")] >= 8
        assert counts[(lang, "birthday")] >= 4
        assert counts[(lang, "winter")] >= 2
        assert counts[(lang, "spring")] >= 2
        # without the writer's gender, every occasion still has a choice
        for occasion in ("general", "birthday", "winter", "spring"):
            assert len(bundled_library().pool(lang, occasion, None)) >= 2


def test_every_bundled_message_is_short_cyrillic_and_passes_the_censor_check(tmp_path: Path) -> None:
    library = bundled_library()
    for template, person, register, writer in itertools.product(
            library.templates, people(tmp_path), ("formal", "warm"), ("female", "male")):
        message = render(template, person, library, register, writer)  # type: ignore[arg-type]
        text = "\n".join(message.paragraphs)
        assert len(text) <= MAX_MESSAGE_CHARS, template.id
        assert not foreign_letters(message.text), template.id
        assert "{" not in message.text and "}" not in message.text
        assert lint(message.text) == [], (template.id, lint(message.text))
        assert message.english is not None and all(line.isascii() for line in message.english), template.id


def test_gender_agreement_and_polite_name(tmp_path: Path) -> None:
    library = bundled_library()
    template = library.by_id("ru-remembered")
    woman, man, _ = people(tmp_path)
    her, him = render(template, woman, library), render(template, man, library)
    assert her.paragraphs[:2] == ("Здравствуйте, Анастасия Юрьевна!",
                                  "Пишу Вам, чтобы сказать: о Вас помнят и думают с теплом. Вы не одна.")
    assert him.paragraphs[0] == "Здравствуйте, Алесь Викторович!" and "Вы не один." in him.paragraphs[1]
    assert her.english is not None and her.english[0] == "Hello, Anastasiya Yuryevna!"
    assert her.english[-1] == "With warmth and respect,"
    be = render(library.by_id("be-remembered"), man, library)
    assert be.paragraphs[0] == "Добры дзень, Алесь Віктаравіч!" and "Вы не адзін." in be.paragraphs[1]
    assert be.closing == "З цеплынёй і павагай," and be.name_said == "Ales Viktaravich"


def test_warm_register_and_the_writers_gender(tmp_path: Path) -> None:
    library = bundled_library()
    woman, man, _ = people(tmp_path)
    assert render(library.by_id("ru-walk"), woman, library, "warm").paragraphs[0] == "Дорогая Анастасия!"
    assert render(library.by_id("be-walk"), man, library, "warm").paragraphs[0] == "Дарагі Алесь!"
    pie = library.by_id("ru-pie")
    assert "Вчера я испекла яблочный пирог" in render(pie, man, library, writer="female").paragraphs[1]
    assert "Вчера я испёк яблочный пирог" in render(pie, man, library, writer="male").paragraphs[1]
    with pytest.raises(PostcardsError) as caught:
        render(pie, man, library)
    assert caught.value.lines() == ["--writer-gender: message 'ru-pie' has words that agree with the "
                                    "writer's gender; give --writer-gender female or male"]
    assert pie not in library.pool("ru", "general", None) and pie in library.pool("ru", "general", "male")


def test_belarusian_message_needs_belarusian_names(tmp_path: Path) -> None:
    path = data_file(tmp_path, prisoner_yaml("pipiya", "{ru: {surname: Пипия, given: Тимур}}",
                                             "gender: male\ninstitution: IK-4"))
    (person,) = load_dataset(path).prisoners
    with pytest.raises(PostcardsError) as caught:
        render(bundled_library().by_id("be-walk"), person, bundled_library())
    assert caught.value.lines() == [
        f"{path}:3:5: prisoners[0].name.be: 'pipiya' has no Belarusian name forms for a Belarusian "
        "message; add name.be: {surname: ..., given: ..., patronymic: ...} or use --lang ru"]


def test_unknown_message_id_suggests() -> None:
    with pytest.raises(PostcardsError) as caught:
        bundled_library().by_id("ru-remember")
    assert caught.value.lines() == ["--message: no message with id 'ru-remember'; did you mean 'ru-remembered'?"]


def test_choice_is_deterministic_and_balanced() -> None:
    pool = bundled_library().pool("ru", "general", None)
    requests = [(f"p{i}", pool, ()) for i in range(50)]
    picks = choose(requests, seed=5)
    assert picks == choose(requests, seed=5)
    counts = Counter(t.id for t in picks)
    assert set(counts) == {t.id for t in pool} and max(counts.values()) - min(counts.values()) <= 1
    assert [t.id for t in choose(requests, 0)] != [t.id for t in choose(requests, 1)]


@pytest.mark.parametrize("seed", range(5))
def test_neighbouring_cards_differ_even_where_balance_would_repeat(seed: int) -> None:
    # One shared pool is taken in turn, so neighbours differ by balance alone; here the least
    # used message is the one just given, and only the neighbour rule passes it over.
    first, second = bundled_library().pool("ru", "general", None)[:2]
    requests = [*((f"p{i}", (second,), ()) for i in range(3)), ("p3", (first,), ()),
                ("p4", (first, second), ()), ("p5", (second,), ())]
    picks = [t.id for t in choose(requests, seed)]
    assert picks == [second.id] * 3 + [first.id, second.id, second.id]  # the last has no other


def test_copies_never_repeat_a_message_for_one_person() -> None:
    pool = bundled_library().pool("ru", "birthday", None)
    requests = [("a", pool, ())] * len(pool) + [("b", pool, ())] * 2
    picks = choose(requests, seed=3)
    assert sorted(t.id for t in picks[:len(pool)]) == sorted(t.id for t in pool)
    with pytest.raises(ValueError, match="a"):
        choose([("a", pool, ())] * (len(pool) + 1), seed=3)
    general = bundled_library().pool("ru", "general", None)
    extra = choose([("a", pool, general)] * (len(pool) + 1), seed=3)
    assert set(extra[:-1]) == set(pool)
    assert extra[-1] in general


def test_messages_a_person_received_are_avoided_while_others_are_left() -> None:
    pool = bundled_library().pool("ru", "winter", None)
    first, second = pool
    assert choose([("a", pool, ())], 0, {"a": frozenset({first.id})}) == [second]
    assert choose([("a", pool, ())], 0, {"a": frozenset({first.id, second.id})})[0] in pool


def test_a_closing_in_latin_is_refused(tmp_path: Path) -> None:
    path = library_file(tmp_path, "mine", "Добрый день.")
    path.write_text(path.read_text(encoding="utf-8").replace('"С теплом,"', '"Best wishes,"'), encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [f"{path}:4:16: closings.ru: has a Latin letter 'B' at character 1 "
                                    "(looks like Cyrillic 'В'); a card carries Russian or Belarusian only"]


def test_template_file_with_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "messages.yaml"
    path.write_text(LIBRARY_HEAD + "messages:\n  - id: x\n    text: \"unclosed\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    (line,) = caught.value.lines()
    assert line.startswith(f"{path}:7:11: ") and "quote" in line


def test_empty_template_file(tmp_path: Path) -> None:
    path = tmp_path / "messages.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [f"{path}:1:1: the file is empty; it should hold a message library, "
                                    "like templates/messages.yaml"]


def test_a_language_without_messages_for_the_occasion_is_refused(tmp_path: Path) -> None:
    from postcards import make_cards
    from postcards.shared.options import CardOptions
    from postcards.source.resources import bundled_data

    library = load_library(library_file(tmp_path, "ru-only", "Добрый день."))
    with pytest.raises(PostcardsError) as caught:
        make_cards(load_dataset(bundled_data()), CardOptions(today=TODAY, lang="be", occasion="general"),
                       tmp_path / "out.pdf", library=library)
    assert caught.value.lines() == [
        f"--lang: the message library has no 'be' message for the occasion 'general'; add one to "
        f"{tmp_path / 'messages.yaml'}, choose another --occasion, or use --lang ru"]
    assert not (tmp_path / "out.pdf").exists()


def test_a_season_that_is_not_a_day_of_the_year(tmp_path: Path) -> None:
    path = library_file(tmp_path, "mine", "Добрый день.")
    path.write_text(path.read_text(encoding="utf-8") + 'seasons:\n  winter: {from: "12-40", to: "01-14"}\n',
                    encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_library(path)
    assert caught.value.lines() == [f"{path}:12:18: seasons.winter.from: expected a day of the year MM-DD, "
                                    "found '12-40'; e.g. 12-15"]
