"""Shared test helpers: data files to write, and a PDF read back with pypdf."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from postcards.layout import fonts
from postcards.layout.card import Box, card_geometry
from postcards.layout.sheet import card_origins, papers

TODAY = date(2026, 6, 1)  # no season; in the bundled list only Chekina (13 July) gets a birthday card

MM = 72 / 25.4


def run(runner: CliRunner, *args: str | Path, stdin: bytes | None = None) -> Result:
    """`postcards ARGS` in-process; a traceback is a bug, so it fails the test loudly."""
    from postcards.cli import main

    result = runner.invoke(main, [str(a) for a in args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result

IK4 = "institution: IK-4"
# The UPU sheet's rural example, in Cyrillic, with a made-up institution line: district and
# region on lines of their own (an entry's `extra`; add keys below it at the same indent).
RURAL = """\
address:
  name: ИК № 99
  street: ул. Мирошниченко, 1
  postcode: 222615
  locality: аг. Снов
  district: Несвижского р-на
  region: Минской обл."""


def prisoner_yaml(pid: str = "chekina", name: str = "Чекина Людмила Юрьевна", extra: str = IK4) -> str:
    """One `prisoners:` item, indented for the list."""
    body = f"- id: {pid}\n  name: {name}\n" + textwrap.indent(textwrap.dedent(extra).strip(), "  ")
    return textwrap.indent(body, "  ") + "\n"


def data_file(tmp_path: Path, *prisoners: str, head: str = "version: 1\n", name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(head + "prisoners:\n" + "".join(prisoners or (prisoner_yaml(),)), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Run:
    page: int
    text: str
    x: float  # points, page coordinates
    y: float
    size: float


def read_runs(pdf: bytes | Path) -> list[Run]:
    """Every drawn text line with its page, baseline origin and font size."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    reader = PdfReader(io.BytesIO(data))
    runs: list[Run] = []
    for number, page in enumerate(reader.pages):
        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  number: int = number) -> None:
            if text.strip():
                runs.append(Run(number, text.strip(), cm[4] + tm[4], cm[5] + tm[5], size))

        page.extract_text(visitor_text=visit)
    return runs


def reader(pdf: bytes | Path) -> PdfReader:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return PdfReader(io.BytesIO(data))


LIBRARY_HEAD = (
    "greetings:\n"
    '  formal: {ru: "Здравствуйте, {name}!", be: "Добры дзень, {name}!", en: "Hello, {name}!"}\n'
    '  warm: {ru: "{Дорогая|Дорогой} {name}!", be: "{Дарагая|Дарагі} {name}!", en: "Dear {name}!"}\n'
    'closings: {ru: "С теплом,", be: "З цеплынёй,", en: "Warmly,"}\n'
)


def library_file(tmp_path: Path, message_id: str, text: str, lang: str = "ru", occasion: str = "general") -> Path:
    """A one-message template file; the message's text is on line 9, from column 11."""
    path = tmp_path / "messages.yaml"
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    path.write_text(
        LIBRARY_HEAD + f"messages:\n  - id: {message_id}\n    lang: {lang}\n    occasion: {occasion}\n"
        f'    text: "{quoted}"\n    en: Hello\n', encoding="utf-8")
    return path


def slot_of(run: Run, paper: str) -> tuple[int, float, float]:
    """(slot index, x, y in mm from that card's bottom-left corner) for a text run."""
    spec = papers()[paper]
    x, y = run.x / MM, run.y / MM
    for index, (ox, oy) in enumerate(card_origins(spec)):
        if ox <= x < ox + spec.card_width_mm and oy <= y < oy + spec.card_height_mm:
            return index, x - ox, y - oy
    raise AssertionError(f"text outside every card: {run}")


def box_of(run: Run, paper: str, closings: tuple[str, ...] = ("С теплом и уважением,", "З цеплынёй і павагай,")
           ) -> Box | None:
    """The card region (message, address, sender) that holds the whole run, ascenders to
    descenders; the message box for a closing on its baseline; None when it leaves them all."""
    geometry = card_geometry(papers()[paper].card_width_mm, papers()[paper].card_height_mm)
    _, x, y = slot_of(run, paper)
    width = fonts.text_width(run.text, run.size) / MM
    top = y + fonts.regular().ascent * run.size / MM
    bottom = y - fonts.regular().descent * run.size / MM
    eps = 0.001  # mm: float noise of mm -> pt -> mm
    for box in (geometry.message, geometry.address, geometry.sender):
        if box.x - eps <= x and x + width <= box.right + eps and box.y - eps <= bottom and top <= box.top + eps:
            return box
    on_closing_line = abs(y - geometry.closing_baseline_mm) < 0.01
    fits_left_half = x >= geometry.message.x - eps and x + width <= geometry.message.right + eps
    if run.text in closings and on_closing_line and fits_left_half:
        return geometry.message
    return None


def as_dict(value: object) -> DictionaryObject:
    """A PDF dictionary read back with pypdf (resolved when it is a reference), typed as one."""
    resolved = value.get_object() if isinstance(value, IndirectObject) else value
    assert isinstance(resolved, DictionaryObject), resolved
    return resolved


def broken_copy(original: Path, folder: Path, line: str, broken: str) -> tuple[Path, int]:
    """A copy of a package data file in `folder` with the first line starting `line` changed
    to hold `broken` instead; and that line's number, for the error expected there."""
    lines = original.read_text(encoding="utf-8").split("\n")
    number = next(i for i, text in enumerate(lines, 1) if text.startswith(line))
    lines[number - 1] = lines[number - 1].replace(line, broken)
    copy = folder / original.name
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy, number
