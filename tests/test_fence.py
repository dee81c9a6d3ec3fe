"""Canaries for the reaches into ReportLab's internals (postcards/pdf/reportlab_internals.py):
the streamed file is a plain `save()`'s, documents drawn on two threads at once are each
their lone bytes, a failed render leaves the process as it was, and the internals relied on
are still there. When one of these fails after a ReportLab upgrade, read that module's
docstring before widening the version bound in setup.cfg."""

from __future__ import annotations

import functools
import gc
import inspect
import io
import os
import re
import threading
import types
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import TODAY, as_dict, run
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas

import postcards
from postcards.layout import fonts
from postcards.layout.card import card_geometry
from postcards.layout.cards import card_spec
from postcards.layout.sheet import Paper, impose, papers
from postcards.pdf import document, reportlab_internals
from postcards.pdf.document import CardSheet, Page, render_bytes, render_document
from postcards.shared.options import CardOptions
from postcards.source.records import load_dataset
from postcards.source.resources import bundled_data
from postcards.text.messages import bundled_library, render

A4 = papers()["a4"]
ROUNDS = 4  # two threads at once, this many times: one overlap could miss a race by luck


def bundled_sheets(paper: Paper = A4, repeat: int = 1) -> list[Page]:
    """Sheets of cards for the bundled people, every bundled message once each."""
    people = load_dataset(bundled_data()).prisoners
    library = bundled_library()
    geometry = card_geometry(paper.card_width_mm, paper.card_height_mm)
    options = CardOptions(today=TODAY, paper=paper.name)
    cards = [card_spec(person, render(template, person, library, "formal", person.gender), options, geometry, 7.0)
             for template in library.templates for person in people]
    return [CardSheet(tuple(sheet)) for sheet in impose(cards * repeat, paper)]


def make(path: Path, **options: Any) -> bytes:
    postcards.make_cards(load_dataset(bundled_data()), CardOptions(today=TODAY, **options), path)
    return path.read_bytes()


def plain_save(canvas: Canvas, write: Any) -> None:
    canvas.save()  # the canvas was made on the same sink, so ReportLab writes the file there


# (a) the streamed file is the file ReportLab writes itself

def test_streamed_file_equals_a_plain_reportlab_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages, forms and the font compressed as ReportLab does (its default zlib level, binary
    streams), then saved by ReportLab's own `save()`: the same bytes as the fenced document."""
    monkeypatch.setattr(document, "PAGE_COMPRESSION", zlib.Z_DEFAULT_COMPRESSION)
    fenced = make(tmp_path / "fenced.pdf", copies=3, crib=True)
    monkeypatch.setattr(document, "reportlab_internals",
                        types.SimpleNamespace(finish_page=lambda canvas, level: None, save=plain_save))
    monkeypatch.setattr(rl_config, "useA85", 0)  # the plain way to binary streams: a global
    plain = make(tmp_path / "plain.pdf", copies=3, crib=True)
    assert len(PdfReader(io.BytesIO(plain)).pages) == 4  # 2 imprisoned x 3 copies: two sheets, each with its crib
    assert fenced == plain


class Recording(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: Any) -> int:
        self.sizes.append(len(data))
        return super().write(data)


def test_the_file_goes_out_object_by_object_not_joined_at_the_end() -> None:
    sheets = bundled_sheets(repeat=2)
    output = Recording()
    render_document(sheets, A4, "t", output)
    assert output.getvalue() == render_bytes(sheets, A4, "t")
    assert len(output.sizes) > 2 * len(sheets) and max(output.sizes) < len(output.getvalue()) / 2


def test_the_file_does_not_depend_on_reportlabs_ascii85_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    sheets = bundled_sheets()
    monkeypatch.setattr(rl_config, "useA85", 1)
    with_a85 = render_bytes(sheets, A4, "t")
    monkeypatch.setattr(rl_config, "useA85", 0)
    assert render_bytes(sheets, A4, "t") == with_a85
    assert b"ASCII85Decode" not in with_a85


# (b) two documents at once on two threads, as a web front end or a bot would draw them

def at_once(**jobs: Callable[[], bytes]) -> dict[str, bytes | BaseException]:
    """Each job's result (or error), the jobs started together on threads of their own."""
    barrier = threading.Barrier(len(jobs))
    results: dict[str, bytes | BaseException] = {}

    def work(name: str, job: Callable[[], bytes]) -> None:
        barrier.wait()
        try:
            results[name] = job()
        except BaseException as exc:  # the failure is the finding, reported by the comparison
            results[name] = exc

    threads = [threading.Thread(target=work, args=item) for item in jobs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_renders_on_two_threads_give_the_bytes_of_each_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long and a short document drawn side by side."""
    before = reportlab_as_found(monkeypatch)
    a6 = papers()["a6"]
    big, small = bundled_sheets(repeat=6), bundled_sheets(a6)
    alone = {"big": render_bytes(big, A4, "big"), "small": render_bytes(small, a6, "small")}
    for _ in range(ROUNDS):
        assert at_once(big=lambda: render_bytes(big, A4, "big"),
                       small=lambda: render_bytes(small, a6, "small")) == alone
    for name, pdf in alone.items():
        reader = PdfReader(io.BytesIO(pdf))
        assert str(as_dict(reader.trailer["/Root"])["/Type"]) == "/Catalog"
        assert reader.metadata is not None and reader.metadata.title == name
        assert "Чекиной Людмиле Юрьевне" in reader.pages[0].extract_text()
    assert_as_found(before)


def test_two_documents_saved_at_the_same_moment_give_the_bytes_of_each_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each render held at the start of ReportLab's `save()` until the other is there too,
    so whatever the fence does just before saving is done by both before either saves."""
    before = reportlab_as_found(monkeypatch)
    sheets = bundled_sheets(repeat=2)
    alone = {title: render_bytes(sheets, A4, title) for title in ("one", "two")}
    plain = Canvas.save
    for _ in range(ROUNDS):
        door = threading.Barrier(2, timeout=30)

        def save(canvas: Canvas, door: threading.Barrier = door) -> None:
            door.wait()
            plain(canvas)

        monkeypatch.setattr(Canvas, "save", save)
        assert at_once(**{t: functools.partial(render_bytes, sheets, A4, t) for t in alone}) == alone
    monkeypatch.setattr(Canvas, "save", plain)
    assert_as_found(before)


def test_two_jobs_on_two_threads_write_the_files_of_each_alone(tmp_path: Path) -> None:
    alone = make(tmp_path / "alone.pdf", copies=7, crib=True)
    assert at_once(**{n: functools.partial(make, tmp_path / f"{n}.pdf", copies=7, crib=True)
                      for n in ("one", "two")}) == {"one": alone, "two": alone}


# (c) a failed render leaves the process as it found it

def process_state() -> dict[str, Any]:
    """Everything process-wide a render could be tempted to change."""
    return {
        "rl_config": {k: v for k, v in vars(rl_config).items() if not isinstance(v, types.ModuleType)},
        "pdfdoc": dict(vars(pdfdoc)),
        "PDFDocument": dict(vars(pdfdoc.PDFDocument)),
        "PDFFile": dict(vars(pdfdoc.PDFFile)),
        "Canvas": dict(vars(Canvas)),
        "TTFont": dict(vars(ttfonts.TTFont)),
        "fonts": pdfmetrics.getRegisteredFontNames(),
        "gc": (gc.isenabled(), gc.get_threshold()),
        "umask": umask(),
    }


def umask() -> int:
    """The process's umask, read without setting it where the system shows it."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        current = os.umask(0o022)
        os.umask(current)
        return current
    found = re.search(r"^Umask:\s*(\d+)", status, re.MULTILINE)
    assert found is not None
    return int(found.group(1), 8)


def reportlab_as_found(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The process state, with ReportLab's ASCII85 setting at its default whatever an earlier
    test left: a render that changed it would otherwise go unseen."""
    monkeypatch.setattr(rl_config, "useA85", 1)
    fonts.regular()  # registering the font once is the one lasting, intended change
    return process_state()


def assert_as_found(before: dict[str, Any]) -> None:
    assert process_state() == before
    assert isinstance(pdfdoc.PDFFile, type) and pdfdoc.PDFFile.__module__ == pdfdoc.__name__
    assert pdfdoc.PDFDocument.format.__qualname__ == "PDFDocument.format"


class Broken(Exception):
    pass


def test_a_render_that_fails_between_pages_leaves_every_global_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    before = reportlab_as_found(monkeypatch)
    during: list[dict[str, Any]] = []

    def pages() -> Iterator[Page]:
        sheets = bundled_sheets()
        yield from sheets[:2]
        during.append(process_state())
        raise Broken

    with pytest.raises(Broken):
        render_document(pages(), A4, "t", io.BytesIO())
    assert during == [before]  # nothing switched while drawing either
    assert_as_found(before)


class FailingOutput(io.BytesIO):
    """A disk that fills up while the document is being saved; notes the process state then."""

    def __init__(self) -> None:
        super().__init__()
        self.state_when_full: dict[str, Any] | None = None

    def write(self, data: Any) -> int:
        if self.tell() > 20_000:
            self.state_when_full = process_state()
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_a_render_that_fails_while_saving_leaves_every_global_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    before = reportlab_as_found(monkeypatch)
    output = FailingOutput()
    with pytest.raises(OSError, match="No space"):
        render_document(bundled_sheets(), A4, "t", output)
    assert output.state_when_full == before  # nothing switched while saving either
    assert_as_found(before)


def test_a_job_draws_with_the_collector_on_and_the_umask_untouched(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int]] = []
    real = document.render_document

    def watched(pages: Any, *args: Any, **kwargs: Any) -> Any:
        def watching() -> Iterator[Page]:
            for page in pages:
                seen.append((gc.isenabled(), umask()))
                yield page
        return real(watching(), *args, **kwargs)

    monkeypatch.setattr("postcards.api.jobs.render_document", watched)
    state = (gc.isenabled(), umask())
    make(tmp_path / "out.pdf")
    assert seen and set(seen) == {state}


def test_the_command_pauses_the_collector_while_it_runs_and_restores_it(
        in_tmp: Path, runner: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = document.render_document

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr("postcards.api.jobs.render_document", watched)
    assert gc.isenabled()
    result = run(runner, "make", "--today", TODAY.isoformat(), "--no-ledger", "-q", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    assert seen == [False] and gc.isenabled()


PROCESS_SWITCHES = re.compile(r"gc\.(disable|freeze|set_threshold)\(|os\.umask\(|setswitchinterval\(|"
                              r"rl_config\.\w+\s*=[^=]|pdfdoc\.\w+\s*=[^=]|pdfmetrics\.\w+\s*=[^=]")


def test_library_code_has_no_process_wide_switches() -> None:
    """Only the command line, which owns its process, may pause the garbage collector."""
    root = Path(postcards.__file__).parent
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for path in sorted(root.rglob("*.py")) if path.parent.name != "cli"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if PROCESS_SWITCHES.search(line)]
    assert found == []


@pytest.mark.parametrize("mask", [None, 0o027])
def test_the_output_gets_the_mode_of_any_new_file(tmp_path: Path, mask: int | None) -> None:
    """0o666 less the umask, as the system gives any new file; the umask is left alone."""
    before = os.umask(mask) if mask is not None else None  # the test's own process switch
    try:
        current = umask()
        make(tmp_path / "out.pdf")
        assert umask() == current
    finally:
        if before is not None:
            os.umask(before)
    assert (tmp_path / "out.pdf").stat().st_mode & 0o777 == 0o666 & ~current
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


# (d) the internals relied on are still what they were

def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_reportlab_internals_the_fence_relies_on_are_unchanged() -> None:
    doc = Canvas(io.BytesIO())._doc  # reach 1
    assert isinstance(doc, pdfdoc.PDFDocument)
    assert isinstance(doc.Pages.pages, list) and isinstance(doc.idToObject, dict)  # reaches 2, 3
    assert parameters(pdfdoc.PDFPage.check_format) == ["self", "document"]
    assert "Contents" in pdfdoc.PDFPage.__NoDefault__ and pdfdoc.PDFPage.stream is None
    assert "if not self.Contents:" in inspect.getsource(pdfdoc.PDFPage.check_format)
    assert pdfdoc.PDFFormXObject.Contents is None and pdfdoc.PDFFormXObject.stream is None
    assert "compression" in vars(pdfdoc.PDFFormXObject)
    assert "if not self.Contents:" in inspect.getsource(pdfdoc.PDFFormXObject.format)
    assert parameters(pdfdoc.PDFStream) == ["dictionary", "content", "filters"]
    assert '"Filter" not in dictionary.dict' in inspect.getsource(pdfdoc.PDFStream.format)
    assert parameters(pdfdoc.PDFStreamFilterZCompress.encode) == ["self", "text"]
    # reach 4: format() finds its collector as a global and is a plain function
    format_ = pdfdoc.PDFDocument.format
    assert isinstance(format_, types.FunctionType) and format_.__closure__ is None
    assert parameters(format_) == ["self"] and "PDFFile" in format_.__code__.co_names
    assert format_.__globals__ is vars(pdfdoc)
    assert parameters(pdfdoc.PDFFile) == ["pdfVersion"]
    collector = pdfdoc.PDFFile(pdfdoc.PDF_VERSION_DEFAULT)
    assert collector.write == collector.strings.append and isinstance(collector.strings, list)
    assert parameters(collector.add) == ["s"] and parameters(collector.format) == ["document"]
    assert re.search(r"\bself\.format\(\)", inspect.getsource(pdfdoc.PDFDocument.GetPDFData))
    assert parameters(Canvas.save) == ["self"]
    # reach 5 and the font's character map read in layout/fonts.py
    assert parameters(ttfonts.TTFont.splitString)[:3] == ["self", "text", "doc"]
    assert parameters(ttfonts.TTFont.getSubsetInternalName) == ["self", "subset", "doc"]
    font = pdfmetrics.getFont(fonts.regular().name)
    assert isinstance(font, ttfonts.TTFont) and isinstance(font.face.charToGlyph, dict)
    assert font.face.charToGlyph[ord("Ж")] > 0


def test_font_subsets_split_text_and_name_each_subset_per_document() -> None:
    canvases = [Canvas(io.BytesIO()), Canvas(io.BytesIO())]
    subsets = [reportlab_internals.FontSubsets(c, fonts.regular().name) for c in canvases]
    assert subsets[0].split("Жыве") == subsets[1].split("Жыве")
    assert [(subset, len(codes)) for subset, codes in subsets[0].split("Жыве")] == [(0, 4)]
    names = [s.name(0) for s in subsets]  # each document numbers its own fonts
    assert names[0] == names[1] and re.fullmatch(r"/F\d+\+0", names[0])

