"""The message commands through click's CliRunner: `lint`, `messages`, and the message
options of `make`, with their exit codes and exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import library_file, read_runs, run

FREEDOM = ("'свободы' (freedom): \"freedom\" is read as a political word (Libereco); instead: wish them "
           "strength, health and patience")






def make(runner: CliRunner, *args: str | Path) -> Result:
    return run(runner, "make", "--today", "2026-06-01", *args)  # no config file


# --- lint ------------------------------------------------------------------------------

def test_lint_text_with_findings_exits_1(runner: CliRunner) -> None:
    result = run(runner, "lint", "Добрый день! Желаю Вам свободы.")
    assert result.exit_code == 1
    assert result.stdout == f"<text>:1:24: {FREEDOM}\n"
    assert result.stderr == "<text>: 1 finding: the censor may stop this card\n"


def test_lint_clean_text_exits_0(runner: CliRunner) -> None:
    result = run(runner, "lint", "Добрый день! Желаю Вам здоровья и сил.")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "<text>: nothing the censor rules flag\n"


def test_lint_a_file_and_standard_input(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "letter.txt").write_text("Здравствуйте!\nСлава Украине!\n", encoding="utf-8")
    result = run(runner, "lint", "letter.txt")
    assert result.exit_code == 1
    assert result.stdout == ("letter.txt:2:1: 'Слава Украине' (symbols): national opposition symbols and "
                             "slogans are treated as extremist (Mediazona, 2023)\n")
    piped = run(runner, "lint", "-", stdin="Вайна скончыцца.".encode())
    assert piped.exit_code == 1 and piped.stdout.startswith("<stdin>:1:1: 'Вайна' (war): ")


def test_lint_json(runner: CliRunner) -> None:
    result = run(runner, "lint", "--json", "Желаю свободы")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "word": "свободы", "line": 1, "column": 7, "offset": 6, "rule": "freedom",
        "reason": "\"freedom\" is read as a political word (Libereco)",
        "instead": "wish them strength, health and patience"}]
    assert json.loads(run(runner, "lint", "--json", "Желаю сил").stdout) == []


def test_lint_bad_input(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "latin1.txt").write_bytes("Привет".encode("cp1251"))
    result = run(runner, "lint", "latin1.txt")
    assert result.exit_code == 1
    assert result.stderr == ("Checking the file latin1.txt (--file latin1.txt says so outright).\n"
                             "latin1.txt:1:1: the file is not UTF-8 text; save it as UTF-8 (any editor can)\n")
    empty = run(runner, "lint", "   ")
    assert empty.exit_code == 1 and empty.stderr == "error: <text>: there is no text to check; give the message itself\n"
    missing = run(runner, "lint")
    assert missing.exit_code == 2 and "give the text to check, - for standard input, or --file PATH" in missing.stderr


def test_lint_lists_its_rules(runner: CliRunner) -> None:
    result = run(runner, "lint", "--rules")
    assert result.exit_code == 0
    assert "freedom: \"freedom\" is read as a political word (Libereco)" in result.stdout
    assert "  свобода, освободить, освобождать, освобождение, на воле, на волю, свабод*" in result.stdout


# --- messages --------------------------------------------------------------------------

def test_messages_lists_with_translations(runner: CliRunner) -> None:
    result = run(runner, "messages", "--lang", "be", "--occasion", "birthday")
    assert result.exit_code == 0
    assert result.stdout.startswith("be-birthday-bright (be, birthday)\n  З днём нараджэння! ")
    assert "  en: Happy birthday! May this day be bright and the year a kind one.\n" in result.stdout
    assert result.stdout.count("(be, birthday)") == 4
    assert result.stderr.startswith("4 messages (be birthday: 4) in ")


def test_messages_json(runner: CliRunner) -> None:
    listed = json.loads(run(runner, "messages", "--json").stdout)
    assert len(listed) >= 32
    pie = next(m for m in listed if m["id"] == "ru-pie")
    assert pie["writer_gender"] is True and pie["occasion"] == "general" and pie["en"].startswith("Yesterday")


def test_messages_from_a_broken_template_file(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "mine.yaml").write_text("greetings: [\n", encoding="utf-8")
    result = run(runner, "messages", "--templates", "mine.yaml")
    assert result.exit_code == 1 and result.stderr.startswith("mine.yaml:2:1: ")


# --- make: choosing the message --------------------------------------------------------

def test_make_with_a_chosen_message(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "be-walk")
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Добры дзень, Людміла Юр'еўна!" in texts and "З цеплынёй і павагай," in texts


def test_make_with_an_unknown_message_suggests(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "ru-wlak")
    assert result.exit_code == 1
    assert result.stderr == "--message: no message with id 'ru-wlak'; did you mean 'ru-walk'?\n"
    assert not (in_tmp / "postcards.pdf").exists()


def test_make_refuses_a_message_in_another_language(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "be-walk", "--lang", "ru")
    assert result.exit_code == 1
    assert result.stderr == "--lang: message 'be-walk' is in 'be', not 'ru'; leave out --lang or use --lang be\n"


def test_make_message_and_message_file_together_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "ru-walk", "--message-file", "x.txt")
    assert result.exit_code == 2 and "give --message or --message-file, not both" in result.stderr


def test_make_writer_gender_and_warm_register(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "ru-pie", "--writer-gender", "male", "--register", "warm", "--only", "loika")
    assert result.exit_code == 0, result.stderr
    text = " ".join(r.text for r in read_runs(in_tmp / "postcards.pdf"))
    assert "Дорогая Анастасия!" in text and "Вчера я испёк яблочный пирог" in text
    refused = make(runner, "--message", "ru-pie", "-o", "b.pdf")
    assert refused.exit_code == 1
    assert refused.stderr == ("--writer-gender: message 'ru-pie' has words that agree with the writer's "
                              "gender; give --writer-gender female or male\n")


def test_make_occasion_birthday_and_copies(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--occasion", "birthday", "--copies", "4", "--only", "chekina")
    assert result.exit_code == 0, result.stderr
    too_many = make(runner, "--occasion", "birthday", "--copies", "5", "--only", "chekina", "-o", "b.pdf")
    assert too_many.exit_code == 1
    assert too_many.stderr == ("--copies: 'chekina' would get the same message twice: 4 birthday message(s) "
                               "in 'ru' for 5 copies; use fewer copies, or add messages to the library\n")


# --- make: the writer's own text -------------------------------------------------------

def test_make_own_message_flagged_by_the_censor_check(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "mine.txt").write_text("Здравствуйте, {name}!\nЖелаю Вам свободы.\n", encoding="utf-8")
    result = make(runner, "--message-file", "mine.txt")
    assert result.exit_code == 1
    assert result.stderr == (f"mine.txt:2:11: {FREEDOM}\n--message-file: mine.txt: the censor check flags "
                             "1 word(s); change them, or add --force to print anyway\n")
    assert not (in_tmp / "postcards.pdf").exists()
    forced = make(runner, "--message-file", "mine.txt", "--force")
    assert forced.exit_code == 0
    assert forced.stderr.startswith(f"Skipped 1 person: 1 released (zolatava).\nwarning: mine.txt:2:11: "
                                    f"{FREEDOM}\nPrinted anyway (--force): the censor may stop cards with "
                                    "these 1 word.\n")
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Здравствуйте, Людмила Юрьевна!" in texts and "Желаю Вам свободы." in texts


def test_make_own_message_in_belarusian_is_detected(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "mine.txt").write_text("Добры дзень, {name}!\nЖадаю Вам здароўя.\n", encoding="utf-8")
    result = make(runner, "--message-file", "mine.txt")
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Добры дзень, Людміла Юр'еўна!" in texts and "З цеплынёй і павагай," in texts


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "mine.txt:1:1: --message-file: the message file is empty; write your message in it, in Russian or Belarusian\n"),
    ("Привет".encode("cp1251"), "mine.txt:1:1: the file is not UTF-8 text; save it as UTF-8 (any editor can)\n"),
    ("Здравствуйте, {имя}!".encode(), "mine.txt:1:1: --message-file: unknown placeholder '{имя}'; known: {name}, {given}, {ж|м}, {я:ж|м}\n"),
])
def test_make_own_message_bad_input(runner: CliRunner, in_tmp: Path, content: bytes, expected: str) -> None:
    (in_tmp / "mine.txt").write_bytes(content)
    result = make(runner, "--message-file", "mine.txt")
    assert result.exit_code == 1 and result.stderr == expected
    assert not (in_tmp / "postcards.pdf").exists()


def test_make_own_message_missing_file(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message-file", "nowhere.txt")
    assert result.exit_code == 1
    assert result.stderr == ("--message-file: nowhere.txt: no such file; give a plain-text file with your "
                             "message, saved as UTF-8\n")


def test_make_crib_and_blank(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--crib", "--blank")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Skipped 1 person: 1 released (zolatava).\nWrote postcards.pdf: 2 cards "
                                    "on 1 sheet (a4) and 1 other page (cribs for the writer; never post them), "
                                    "2 pages in all, ")
    runs = read_runs(in_tmp / "postcards.pdf")
    assert {r.page for r in runs} == {0, 1}
    assert "Copy this onto the card by hand:" in [r.text for r in runs if r.page == 1]


def test_make_occasion_with_a_chosen_message_is_a_usage_error(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--message", "ru-walk", "--occasion", "winter")
    assert result.exit_code == 2 and "--occasion chooses among the library's messages" in result.stderr


def test_writer_gender_from_the_config_file(runner: CliRunner, in_tmp: Path) -> None:
    (in_tmp / "me.yaml").write_text("writer_gender: female\n", encoding="utf-8")
    result = run(runner, "make", "--config", "me.yaml", "--message", "ru-pie", "--only", "loika")
    assert result.exit_code == 0, result.stderr
    assert "Вчера я испекла яблочный пирог" in " ".join(r.text for r in read_runs(in_tmp / "postcards.pdf"))
    (in_tmp / "me.yaml").write_text("writer_gender: woman\n", encoding="utf-8")
    bad = run(runner, "make", "--config", "me.yaml", "-o", "b.pdf")
    assert bad.exit_code == 1
    assert bad.stderr == "me.yaml:1:16: writer_gender: unknown gender 'woman'; use one of: female, male\n"


def test_make_with_a_template_file_of_ones_own(runner: CliRunner, in_tmp: Path) -> None:
    library_file(in_tmp, "ru-ours", "Желаю Вам тёплых дней.")
    result = make(runner, "--templates", "messages.yaml", "--only", "loika")
    assert result.exit_code == 0, result.stderr
    texts = [r.text for r in read_runs(in_tmp / "postcards.pdf")]
    assert "Здравствуйте, Анастасия Юрьевна!" in texts and "Желаю Вам тёплых дней." in texts
    assert "С теплом," in texts
    missing = make(runner, "--templates", "nowhere.yaml", "-o", "b.pdf")
    assert missing.exit_code == 1
    assert missing.stderr == ("error: nowhere.yaml: no such file; give the path to a message library, "
                              "like templates/messages.yaml\n")


def test_make_handcopy_turns_on_blank(runner: CliRunner, in_tmp: Path) -> None:
    result = make(runner, "--handcopy")
    assert result.exit_code == 0, result.stderr
    assert ("2 cards on 1 sheet (a4) and 2 other pages (hand-copy sheets for the writer; never post them)"
            in result.stderr)
    runs = read_runs(in_tmp / "postcards.pdf")
    assert not any("Здравствуйте" in r.text for r in runs if r.page == 0)  # blank cards
    assert any(r.text.startswith("Copy this onto the card for Liudmila Chekina") for r in runs if r.page == 1)
