"""Shared test helpers: data files to write, and a PDF read back with pypdf."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4

IK4 = "institution: IK-4"


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
