"""CSV as organisers' programs save it: the encoding (UTF-8 with or without a BOM, UTF-16 with
a BOM, Windows-1251, KOI8-R) and the delimiter (`,` `;` tab `|`) told from the bytes, and the
records streamed as rows of cell texts."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator
from pathlib import Path

from postcards.shared.errors import PostcardsError

SAMPLE_BYTES = 65_536  # the start of a file, for its kind and delimiter
_CHUNK_BYTES = 1 << 20
_DELIMITERS = ",;\t|"
_SAMPLE_RECORDS = 50
_COMMON_LETTERS = frozenset("оеаинтсрвлкмдпуяыі")


def clean_text(text: str) -> str:
    """A cell's text trimmed, no-break spaces made plain and line ends made `\n`."""
    return text.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n").strip()


def csv_rows(path: Path, encoding: str, delimiter: str) -> Generator[tuple[int, list[str]], None, None]:
    """(row number, cell texts) for each record, read as it goes. A record with a line break
    inside quotes is one row, as a spreadsheet program shows it: rows count records, not lines."""
    number = 0
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
            for number, record in enumerate(reader, start=1):
                yield number, [clean_text(cell) for cell in record]
    except csv.Error as exc:
        raise PostcardsError(f"{path}:{number + 1}: not readable as CSV ({exc})",
                             hint="check the quotes on this row, or save the list again as CSV") from None
    except UnicodeDecodeError:
        raise PostcardsError(f"{path}:{number + 1}: the text is not {encoding} from here on",
                             hint="save the list again as CSV UTF-8") from None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read: {exc.strerror}") from None


def detect_encoding(path: Path, head: bytes) -> str:
    """UTF-8 with a BOM or UTF-16 by their marks; else UTF-8 when the whole file (read in
    chunks) is UTF-8, Windows-1251 or KOI8-R when it is not, whichever reads the start as
    more of Russian's and Belarusian's commonest letters. A file that begins as UTF-8 text and
    breaks off is refused at the line where it breaks, not read as Windows-1251."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    broken = _utf8_break(path)
    if broken is None:
        return "utf-8"
    if _is_utf8_start(head[:broken]):
        line = _lines_before(path, broken) + 1
        raise PostcardsError(f"{path}: line {line} is not UTF-8 text, though the lines before it are",
                             hint="retype that line, or save the list again as CSV UTF-8")
    return max(("cp1251", "koi8-r"), key=lambda encoding: _common_letters(head, encoding))


def _utf8_break(path: Path) -> int | None:
    """The offset of the first byte that is not UTF-8, or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(_CHUNK_BYTES)
            pending = len(decoder.getstate()[0])  # the end of a character cut by the last chunk
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start
            if not chunk:
                return None
            offset += len(chunk)


def _lines_before(path: Path, offset: int) -> int:
    lines = 0
    with path.open("rb") as handle:
        while offset > 0 and (chunk := handle.read(min(offset, _CHUNK_BYTES))):
            lines += chunk.count(b"\n")
            offset -= len(chunk)
    return lines


def _is_utf8_start(data: bytes) -> bool:
    """Whether `data` holds text beyond ASCII and is UTF-8 (its last character may be cut)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _common_letters(data: bytes, encoding: str) -> int:
    """How many of the start's letters are among the commonest of Russian and Belarusian text:
    the two 8-bit encodings place the alphabet differently, so the wrong one reads as rare
    letters, whatever the case of the text."""
    text = data.decode(encoding, errors="ignore").lower()
    return sum(1 for char in text if char in _COMMON_LETTERS)


def detect_delimiter(head: bytes, encoding: str, *, full: bool) -> str:
    """csv.Sniffer's delimiter unless another of `,` `;` tab `|` splits the first records more
    consistently (Sniffer is easily misled by commas inside quoted addresses), the most
    frequent one when none splits them; `full`: `head` is the whole file, else its last,
    maybe cut, line is left out."""
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    if not full and cut > 0:
        sample = sample[:cut]
    scores = {candidate: _consistency(sample, candidate) for candidate in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda candidate: (scores[candidate], sample.count(candidate)))
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return best
    return sniffed if sniffed in scores and scores[sniffed] >= scores[best] else best


def _consistency(sample: str, delimiter: str) -> tuple[float, int]:
    """(share of the first non-empty records that have the most common number of cells, that
    number), or nothing when that number is 1: the true delimiter splits the header and every
    row alike."""
    widths: list[int] = []
    for record in csv.reader(io.StringIO(sample), delimiter=delimiter, quotechar='"', strict=False):
        if any(cell.strip() for cell in record):
            widths.append(len(record))
            if len(widths) == _SAMPLE_RECORDS:
                break
    if not widths:
        return (0.0, 0)
    common = max(set(widths), key=lambda width: (widths.count(width), width))
    return (widths.count(common) / len(widths), common) if common > 1 else (0.0, 0)
