"""The censor check reads words as a censor does: every form of a word (Russian through the
analyser, Belarusian through stems and listed forms), through disguises, with capitals and
«Titles» taken into account, and phrases with words inserted."""

from __future__ import annotations

import pytest

from postcards.text.censor import bundled_rules, lint
from postcards.text.censor_words import russian_lemmas


def rules_of(text: str) -> list[str]:
    return [f.rule for f in lint(text)]


# Each Belarusian rule, checked against the inflected forms a writer uses: verbs in person,
# tense and number, nouns in every case.
BELARUSIAN_FORMS = {
    "freedom": ["свабода", "свабоды", "свабодзе", "свабоду", "свабодай", "вызваліць", "вызваляць",
                "вызваліў", "вызвалілі", "вызваленне", "вызвалення", "вызваленні", "на волі"],
    "fight": ["барацьба", "барацьбы", "барацьбе", "барацьбу", "барацьбой", "барацца", "бароцца",
              "бароліся", "змаганне", "змагання", "змагар", "змагары", "змагароў", "змагацца",
              "змагаюся", "змагаемся", "змагаецеся", "змагаюцца", "змагаўся", "змагалася", "змагаліся",
              "супраціў", "супраціву"],
    "elections": ["выбары", "выбараў", "выбарах", "выбарчы", "галасаванне", "галасавання", "галасаваць",
                  "галасую", "галасуем", "галасуюць", "галасаваў", "галасавалі", "прагаласавалі",
                  "бюлетэнь"],
    "regime": ["рэжым", "рэжыму", "рэжымам", "улада", "улады", "уладзе", "уладу", "уладай", "ўлада",
               "уладамі", "уладаў", "дыктатура", "дыктатар", "прэзідэнт", "прэзідэнта", "чыноўнікі"],
    "protest": ["пратэст", "пратэсты", "пратэстаў", "мітынг", "мітынгі", "страйк", "марш", "маршы",
                "маршаў", "маршах", "шэсце", "шэсцях", "рэвалюцыя", "салідарнасць", "салідарнасці"],
    "case": ["суд", "суда", "судзе", "суды", "судоў", "судзіць", "судзілі", "суддзя", "асудзілі",
             "асуджаны", "прысуд", "прысуду", "тэрмін", "тэрміну", "артыкул", "адвакат", "адвакату",
             "арышт", "арыштавалі", "затрыманне", "вобыск"],
    "political-prisoner": ["палітвязень", "палітвязня", "палітвязні", "палітвязням", "палітвязнямі",
                           "палітзэчка", "палітычны вязень", "палітычныя вязні", "вязень сумлення",
                           "вязні сумлення"],
    "war": ["вайна", "вайны", "вайне", "вайну", "вайной", "ваенны", "ваююць", "ваюе", "ваяваць",
            "армія", "арміі", "войска", "салдаты", "фронт", "акупацыя", "мабілізацыя", "зброя", "зброі"],
    "symbols": ["Жыве Беларусь", "бел-чырвона-белы", "бела-чырвона-белы", "бчб", "пераможам"],
    "release": ["хутка будзеце дома", "чакаем Вас дома", "засталося нядоўга", "хутка пабачымся",
                "вас выпусцяць", "памілуюць", "амністыя"],
    "insult": ["сілавікі", "карнікі", "карнікаў", "фашысты", "мусары", "мусарам"],
    "security": ["амон", "амона", "амонаўцы", "кдб", "губазік", "ГУБАЗіКа"],
    "officials": ["Лукашэнка", "Лукашэнку", "Пуціна", "Ціханоўская", "Ціханоўскай"],
    "russia": ["Расія", "Расіі", "Расію", "расійскі", "расіяне"],
    "ukraine": ["Украіна", "Украіны", "Украіне", "украінцы", "Кіеў", "Кіева"],
    "politics": ["палітыка", "палітыкі", "палітычны", "апазіцыя", "актывісты", "праваабаронцы", "санкцыі"],
    "extremism": ["экстрэміст", "экстрэмізм", "тэрарызм", "тэракт", "партызаны"],
    "lgbt": ["гэй", "гэі", "лесбіянка", "ЛГБТ"],
}


@pytest.mark.parametrize(("rule", "form"), [(r, f) for r, forms in BELARUSIAN_FORMS.items() for f in forms])
def test_every_belarusian_rule_catches_its_inflected_forms(rule: str, form: str) -> None:
    assert rule in rules_of(f"Я ўчора думала: {form} тут."), form


def test_every_belarusian_rule_has_its_forms_listed_here() -> None:
    with_belarusian = {r.id for r in bundled_rules().rules if any(not w.lemma for p in r.patterns for w in p.words)}
    assert with_belarusian - {"foul", "jargon"} <= set(BELARUSIAN_FORMS)


RUSSIAN_FORMS = {
    "fight": ["боремся", "борющимся", "боролась", "бороться", "борьбы", "борцы", "борцов", "сопротивления"],
    "freedom": ["свободы", "свободу", "свободой", "освободят", "освободили", "освобождения", "св0б0ду"],
    "elections": ["голосовали", "голосовать", "проголосуем", "выборов", "выборах", "избирателей",
                  "избирательной комиссии"],
    "political-prisoner": ["политзаключённых", "политзаключённой", "политзэчке", "политзечки",
                           "узница совести", "узникам совести", "политических заключённых"],
    "release": ["выпустят вас", "Вас выпустят", "скоро будете дома", "ждём Вас дома", "осталось недолго",
                "помилуют", "амнистии", "освободитесь", "вернётесь"],
    "case": ["суда", "судом", "судили", "судья", "приговора", "приговорили", "срока", "статье",
             "адвокату", "обвинения", "арестовали", "задержали"],
    "war": ["войны", "войной", "воюют", "военных", "армии", "обстрелов", "мобилизации", "оружия"],
    "insult": ["менты", "ментов", "силовиков", "твари", "гады", "идиоты", "палачи"],
}


@pytest.mark.parametrize(("rule", "form"), [(r, f) for r, forms in RUSSIAN_FORMS.items() for f in forms])
def test_russian_rules_catch_every_form_of_their_lemmas(rule: str, form: str) -> None:
    assert rule in rules_of(f"Вот что я думаю: {form}, вот."), form


def test_russian_patterns_are_lemmas_of_the_dictionary() -> None:
    """A Russian word in the rules is a lemma the analyser knows, so that every form of it
    matches; slang and names it does not know are stems or exact forms ('=')."""
    wrong = [(rule.id, word.text) for rule in bundled_rules().rules for pattern in rule.patterns
             if len(pattern.words) == 1 for word in pattern.words
             if word.lemma and word.text not in russian_lemmas(word.text)]
    assert wrong == []


def test_all_parses_count_not_only_the_likeliest() -> None:
    assert {"воля", "вол"} <= russian_lemmas("воле")
    assert {"выбор", "выборы"} <= russian_lemmas("выборов")


@pytest.mark.parametrize(("text", "word", "rule"), [
    ("Лука-шенко опять выступал.", "Лука-шенко", "officials"),
    ("Ж-ы-в-е Беларусь!", "Ж-ы-в-е Беларусь", "symbols"),
    ("Ж.ы.в.е Беларусь!", "Ж.ы.в.е Беларусь", "symbols"),
    ("Л у к а ш е н к о всех обманул.", "Л у к а ш е н к о", "officials"),
    ("Лукаш е н к о всех обманул.", "Лукаш е н к о", "officials"),
    ("Желаю С.в.о.б.о.д.ы!", "С.в.о.б.о.д.ы", "freedom"),
    ("Желаю С*в*о*б*о*д*ы!", "С*в*о*б*о*д*ы", "freedom"),
    ("Желаю св0б0ды!", "св0б0ды", "freedom"),
    ("Привет, 3магары!", "3магары", "fight"),
    ("Держитесь, Ж.Б.!", "Ж.Б", "symbols"),
    ("Повесили белый-красный-белый флаг.", "белый-красный-белый", "symbols"),
    ("Повесили белый, красный, белый флаг.", "белый, красный, белый", "symbols"),
    ("Нас 97%!", "97%", "percent"),
    ("Саша 3 % уйдёт.", "3 %", "percent"),
    ("Мы 97 процентов!", "97 процентов", "percent"),
    ("Cвобода!", "Cвобода", "freedom"),  # a Latin C
])
def test_disguises_are_read_through(text: str, word: str, rule: str) -> None:
    assert [(f.word, f.rule) for f in lint(text)] == [(word, rule)]


@pytest.mark.parametrize("text", [
    "Влажность 90%, жарко.", "Скидка 30 процентов на всё.", "Наши выиграли 3:1.", "Встретимся в 10:30.",
    "Пушкин А. С. писал и про осень.", "Разгадываю суд-оку.", "Это было в т. ч. и про весну.",
])
def test_ordinary_numbers_initials_and_hyphens_pass(text: str) -> None:
    assert lint(text) == []


def test_phrases_take_up_to_two_inserted_words() -> None:
    assert rules_of("Жыве наша Беларусь!") == ["symbols"]
    assert rules_of("Жыве наша родная Беларусь!") == ["symbols"]
    assert rules_of("Жыве наша родная і любая Беларусь!") == []  # three words between
    assert rules_of("Ён жыве. Беларусь прыгожая.") == []  # not over the end of a sentence
    assert rules_of("У суседнім доме жыве беларуска Ганна.") == []


def test_words_joined_by_hyphens_in_a_pattern_stand_together() -> None:
    assert rules_of("Белые розы и красные тюльпаны, белые лилии.") == []
    assert rules_of("Бело-красно-белый флаг.") == ["symbols"]


def test_a_phrase_marked_to_end_a_clause() -> None:
    assert rules_of("Мы с Вами!") == ["symbols"]
    assert rules_of("Мы всегда с Вами.") == ["symbols"]
    assert rules_of("Как мы с Вами и договаривались, пишу.") == []
    assert rules_of("Мы с Вами, Людмила, давно знакомы.") == []  # a comma ends no slogan
    assert rules_of("Мы з Вамі!") == ["symbols"]
    assert rules_of("Мы з Вамі калісьці бачыліся.") == []


def test_a_capital_in_a_pattern_matters_inside_a_sentence_only() -> None:
    assert rules_of("У нас дома вісіць Пагоня.") == ["symbols"]
    assert rules_of("На гербе была Погоня.") == ["symbols"]
    assert rules_of("Кот і сабака ў пагоні.") == []
    assert rules_of("Погоня за котом была смешной.") == []  # a capital that starts a sentence
    assert rules_of("У кота погоня за мухой.") == []


def test_titles_in_guillemets_are_not_words_of_the_text() -> None:
    assert rules_of("Перечитываю «Идиот» Достоевского.") == []
    assert rules_of("Смотрели «Войну и мир».") == []
    assert rules_of("Читаю „Войну и мир“.") == []
    assert rules_of("Он сказал: «идиот», представляете?") == ["insult"]  # not a title: lower case
    assert rules_of("Кричали «Свобода!» на площади.") == ["freedom"]  # a cry, not a title
    assert rules_of("Смотрели «Жыве Беларусь»") == ["symbols"]  # a slogan is one in a title too
    assert rules_of("Читала «Harry Potter».") == ["latin", "latin"]  # shape rules look everywhere


def test_russian_lemmas_do_not_apply_to_a_belarusian_sentence() -> None:
    assert rules_of("Эти гады ещё ответят.") == ["insult"]
    assert rules_of("Праз гады ўсё зменіцца да лепшага.") == []  # гады: years in Belarusian


def test_innocent_words_and_phrases_are_excepted() -> None:
    for text in ["Судя по всему, будет дождь.", "Не судите строго.", "Прочитала статью в журнале.",
                 "Урок про Великую Отечественную войну.", "До весны осталось недолго.",
                 "Сдали проект в срок.", "У нас свабодны вечар.", "Вызвалілася раней з працы.",
                 "Осталось недолго до весны!", "Поезд задержали на час.", "Как следствие, мы опоздали.",
                 "Освободила место на полке.", "Я неделю на бюллетене.", "Ездили в Казанский кремль.",
                 "Скоро домой поедем с дачи."]:
        assert lint(text) == [], text
    assert rules_of("Прочитала статью про ЛГБТ-сообщество.") == ["lgbt"]
    assert rules_of("Какая у Вас статья?") == ["case"]
    assert rules_of("Осталось недолго, держитесь.") == ["release"]
    assert rules_of("Вас задержали?") == ["case"]
    assert rules_of("Что говорит Кремль?") == ["russia"]


def test_advice_never_suggests_release_and_names_the_belarusian_routine() -> None:
    rules = {r.id: r for r in bundled_rules().rules}
    for rule in rules.values():
        assert not any(w in (rule.instead or "") for w in ("home", "soon", "release")), rule.id
    assert "\"распарадак дня\"" in (rules["regime"].instead or "")
    assert "\"парадак дня\"" not in (rules["regime"].instead or "")  # парадак дня is an agenda
