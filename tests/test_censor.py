"""The censor check pinned by hand-written cases: what it flags, in both languages and every
form of a word, and the innocent words it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from postcards.shared.errors import PostcardsError
from postcards.text.censor import bundled_rules, lint, load_rules

BAD = [
    # Russian: every form of a word, and each topic the censor stops
    ("Желаю Вам свободы.", [("свободы", "freedom")]),
    ("Скорее бы на свободу!", [("свободу", "freedom")]),
    ("Думаю о Вашей свободе.", [("свободе", "freedom")]),
    ("Вас скоро освободят.", [("освободят", "freedom")]),
    ("Держитесь, борьба продолжается.", [("борьба", "fight")]),
    ("Надо бороться до конца.", [("бороться", "fight")]),
    ("Это политика, не больше.", [("политика", "politics")]),
    ("Вчера был митинг у посольства.", [("митинг", "protest")]),
    ("Режим долго не продержится.", [("Режим", "regime")]),
    ("После выборов всё изменится.", [("выборов", "elections")]),
    ("Война скоро закончится.", [("Война", "war")]),
    ("Слава Украине!", [("Слава Украине", "symbols")]),
    ("Россия снова в новостях.", [("Россия", "russia")]),
    ("Лукашенко выступал вчера.", [("Лукашенко", "officials")]),
    ("Жыве Беларусь!", [("Жыве Беларусь", "symbols")]),
    ("Вы настоящий политзаключённый.", [("политзаключённый", "political-prisoner")]),
    ("Как прошёл суд?", [("суд", "case")]),
    ("Какая у Вас статья?", [("статья", "case")]),
    ("Приговор был суровым.", [("Приговор", "case")]),
    ("Это не экстремизм.", [("экстремизм", "extremism")]),
    ("Менты везде.", [("Менты", "insult")]),
    ("Читала о ГУБОПиК.", [("ГУБОПиК", "security")]),
    ("Говорят, вторжение началось.", [("вторжение", "war")]),
    ("Повесила бчб флаг.", [("бчб", "symbols")]),
    ("Верим, можем, победим!", [("Верим, можем, победим", "symbols")]),
    ("Какой-то экс-президент приезжал.", [("экс-президент", "regime")]),
    ("ЛГБТ-парад прошёл.", [("ЛГБТ-парад", "lgbt")]),
    # Belarusian
    ("Жадаю Вам свабоды.", [("свабоды", "freedom")]),
    ("Хутчэй бы на волю.", [("на волю", "freedom")]),
    ("Барацьба працягваецца.", [("Барацьба", "fight")]),
    ("Вы палітычны вязень.", [("палітычны вязень", "political-prisoner")]),
    ("Вайна скончыцца.", [("Вайна", "war")]),
    ("Дома вісіць Пагоня.", [("Пагоня", "symbols")]),
    ("Які ў Вас тэрмін?", [("тэрмін", "case")]),
    ("Улада баіцца людзей.", [("Улада", "regime")]),
    ("Пуцін зноў у навінах.", [("Пуцін", "officials")]),
    ("Бел-чырвона-белы сцяг.", [("Бел-чырвона-белы", "symbols")]),
    ("Вітаю ўсіх палітвязняў.", [("палітвязняў", "political-prisoner")]),
    # shape: Latin words and look-alike letters, digits as codes, abbreviations
    ("Привет, how are you?", [("how", "latin"), ("are", "latin"), ("you", "latin")]),
    ("Mир Вам.", [("Mир", "latin")]),
    ("Мой код 88х.", [("88х", "digits")]),
    ("Позвони 1234567.", [("1234567", "digits")]),
    ("Встреча 12-34-56.", [("12-34-56", "digits")]),
    ("Читаю про ЖКХ.", [("ЖКХ", "abbreviation")]),
    # tricks: a Latin 'c' inside, a soft hyphen inside
    ("Желаю cвободы.", [("cвободы", "freedom")]),
    ("Желаю сво\u00adбоды.", [("сво\u00adбоды", "freedom")]),
]

GOOD = [
    # Russian words that merely begin like a flagged stem
    "Хочу войти в дом и сесть у окна.",
    "Такая у нас судьба: ждать весны.",
    "Восстановление после болезни идёт хорошо.",
    "Пишу диктант с внучкой.",
    "Перечитываю «Властелина колец».",
    "Маршрут нашей прогулки лежал через парк.",
    "Сила воли помогает.",
    "Экстремальный спорт не для меня.",
    "Посуда вымыта, сударыня.",
    "Пишу срочно, т.е. сегодня.",
    "Урожай в этом году уродился.",
    # digits and capitals as people write them
    "Поздравляю с днём рождения, 12 мая, в 10:30.",
    "Это был 2-й раз за 12-летний период.",
    "С НОВЫМ ГОДОМ!",
    "Встретимся 01.06.2027, в 2027 году.",
    # Belarusian
    "Ён жыве ў Мінску.",
    "Тэрмінова пішу Вам.",
    "Улетку ходзім у лес.",
    "Сёння на шпацыры падумалася пра Вас.",
    "З Калядамі і Новым годам!",
    "Хачу ўвайсці ў лес.",
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_flags_what_the_censor_stops(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.word, f.rule) for f in lint(text)] == expected


@pytest.mark.parametrize("text", GOOD)
def test_leaves_innocent_words_alone(text: str) -> None:
    assert lint(text) == []


def test_the_suite_is_large_enough_in_both_languages() -> None:
    assert len(BAD) + len(GOOD) >= 40
    belarusian = [t for t, _ in BAD if set(t) & set("іўІЎ")] + [t for t in GOOD if set(t) & set("іўІЎ")]
    assert len(belarusian) >= 10


def test_positions_reasons_and_suggestions() -> None:
    (finding,) = lint("Добрый день!\nЖелаю Вам свободы и сил.")
    assert (finding.line, finding.column, finding.offset) == (2, 11, 23)
    assert finding.format("letter.txt") == (
        "letter.txt:2:11: 'свободы' (freedom): \"freedom\" is read as a political word (Libereco); "
        "instead: wish them strength, health and patience")
    assert finding.as_dict()["instead"] == "wish them strength, health and patience"


def test_a_latin_letter_inside_a_cyrillic_word_is_named() -> None:
    (finding,) = lint("Здравствуйте, дорогaя!")
    assert finding.rule == "latin"
    assert finding.reason == ("a Latin letter 'a' at letter 6 (looks like Cyrillic 'а') hides in a "
                              "Cyrillic word; the censor reads it as foreign")


def test_templates_skip_placeholders_and_check_both_gender_forms() -> None:
    text = "Здравствуйте, {name}! Вы не {одна|борец}. Я {я:рада|рад}."
    (finding,) = lint(text, template=True)
    assert (finding.word, finding.rule, finding.column) == ("борец", "fight", text.index("борец") + 1)
    assert lint("Здравствуйте, {name}!", template=True) == []


def test_every_pattern_is_reachable_and_rules_have_reasons() -> None:
    rules = bundled_rules()
    assert len(rules.rules) >= 15
    for rule in rules.rules:
        assert rule.reason and rule.patterns, rule.id
        for pattern in rule.patterns:
            sample = " ".join((w.text.capitalize() if w.cased else w.text) + ("а" if w.stem else "")
                              for w in pattern.words)
            if not any(f.rule == rule.id for f in lint("Вот " + sample)):
                assert any(e.stem and sample.startswith(e.text) for e in rule.exceptions), (rule.id, pattern)


def test_a_short_stem_in_the_rule_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "censor.yaml"
    path.write_text("rules:\n  - {id: x, reason: y, ru: [св*], be: []}\n"
                    "latin: {reason: a}\ndigits: {reason: b}\nabbreviation: {reason: c}\n", encoding="utf-8")
    with pytest.raises(PostcardsError) as caught:
        load_rules(path)
    assert caught.value.lines() == [f"{path}:2:5: rules[0]: stem 'св*' is shorter than three letters: it "
                                    "would match too many innocent words"]
