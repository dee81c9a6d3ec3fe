"""Files in and out: a text file read whole after it is checked (a regular file, not too
large, UTF-8, no NUL), and an output file that appears only once it is complete.

Every failure a person can cause or meet (a missing file, a pipe, a full disk, a name too
long for the file system, a write-protected file) is a `PostcardsError` naming the file."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from postcards.shared.errors import PostcardsError, SourceLocation

DATA_LIMIT_BYTES = 500_000_000  # a million people take about 300 MB of YAML
PART_NAME_TRIES = 100
_PART_NAME_EXTRA = len(".") + 12 + len("..part")  # what the temporary name adds to the output's


def read_text(path: Path, expected: str = "a prisoners YAML file", limit: int = DATA_LIMIT_BYTES,
              too_large: str = "split it into smaller files") -> str:
    """The file's text, as UTF-8, with Windows and old Mac line ends read as `\n` (YAML counts
    them as one line break each, so lines and columns stay the same). A missing or unreadable
    file, one that is not a regular file (a directory, a device, a pipe) or one larger than
    `limit` bytes is a user error, found before reading, whose hint says what was `expected`."""
    data = read_bytes(path, expected, limit, too_large)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PostcardsError(
            "the file is not UTF-8 text",
            where=SourceLocation(str(path), line, 1),
            hint="save it as UTF-8 (any editor can)",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise PostcardsError("a NUL character (U+0000): the file is binary or damaged",
                             where=SourceLocation(str(path), line, nul - text.rfind("\n", 0, nul)),
                             hint=f"give the path to {expected}, saved as plain UTF-8 text")
    return text


def read_bytes(path: Path, expected: str, limit: int,
               too_large: str = "split it into smaller files") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, checked before reading."""
    try:
        # Opened without waiting, so a named pipe with no writer is refused, not waited on.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise PostcardsError(f"{path}: is not a regular file", hint=f"give the path to {expected}")
            if info.st_size > limit:
                raise PostcardsError(f"{path}: is {_size(info.st_size)}, over the limit of {_size(limit)} "
                                     f"for {expected}", hint=too_large)
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise PostcardsError(f"{path}: no such file", hint=f"give the path to {expected}") from None
    except IsADirectoryError:
        raise PostcardsError(f"{path}: is a directory", hint=f"give the path to {expected}") from None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read: {exc.strerror}") from None


def _size(count: int) -> str:
    """Bytes as a person reads them: 512 bytes, 98 KB, 1.5 MB."""
    if count < 1000:
        return f"{count} bytes"
    if count < 1_000_000:
        return f"{count / 1000:,.0f} KB"
    return f"{count / 1_000_000:,.1f} MB"


@dataclass(frozen=True)
class Replaces:
    """What an output may replace: a regular file, not write-protected, that starts with
    `magic` (any such file when None), called `what` when another is refused. `keep_mode`:
    the new file takes the permissions of the one it replaces."""

    what: str
    magic: bytes | None = None
    keep_mode: bool = False
    hint: str = "choose another output path, e.g. -o postcards.pdf"


PDF_FILE = Replaces("a PDF", b"%PDF-")


@contextmanager
def atomic_output(path: Path, replaces: Replaces = PDF_FILE) -> Iterator[Writer]:
    """A file to write that appears at `path` only when the block ends without an error;
    an earlier file at `path` stays as it was until then, and no temporary file is left
    behind, whatever stops the block. Everything that can be known before writing is checked
    first (the directory, the name's length, what would be replaced), so a bad path fails
    before any work is done. Only a file `replaces` allows (a PDF, by default) may be
    replaced. A write that fails (a full disk, a size or quota limit) is a `PostcardsError`
    saying nothing was written."""
    parent = path.parent if str(path.parent) else Path(".")
    mode = _check_output_path(path, parent, replaces)
    made: list[Path] = []  # the temporary file, once it exists: removed whatever stops the block
    try:
        try:
            handle = _new_part_file(parent, path.name, made)
        except OSError as exc:
            raise PostcardsError(f"{path}: cannot write in {parent}: {exc.strerror}",
                                 hint="choose a directory you can write to") from None
        with handle:
            yield _Guarded(handle, path)
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as exc:
                raise _write_failed(path, exc) from None
        try:
            if mode is not None and replaces.keep_mode:
                os.chmod(made[0], mode)
            os.replace(made[0], path)
        except OSError as exc:
            raise PostcardsError(f"{path}: cannot write: {exc.strerror}",
                                 hint="choose a path you can write to") from None
    except BaseException:
        for part in made:
            part.unlink(missing_ok=True)
        raise


class Writer(Protocol):
    """Where bytes go: a file, a web response, anything with `write`; never sought."""

    def write(self, data: bytes, /) -> int | None: ...


class _Guarded:
    """The output file as the writer sees it: a failed write is said in words, with the file."""

    def __init__(self, handle: IO[bytes], path: Path) -> None:
        self._handle, self._path = handle, path

    def write(self, data: bytes) -> int:
        try:
            return self._handle.write(data)
        except OSError as exc:
            raise _write_failed(self._path, exc) from None

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as exc:
            raise _write_failed(self._path, exc) from None


def _write_failed(path: Path, exc: OSError) -> PostcardsError:
    hints = {errno.ENOSPC: "free some space, or write elsewhere with -o",
             errno.EFBIG: "the file is larger than this system or its limits allow: print fewer cards "
                          "at a time (--cards, or a filter)",
             errno.EDQUOT: "your disk quota is full: free some space, or write elsewhere with -o"}
    hint = hints.get(exc.errno or 0, "write elsewhere with -o")
    return PostcardsError(f"{path}: cannot write: {exc.strerror}; nothing was written, and any earlier "
                          "file there is unchanged", hint=hint)


def _check_output_path(path: Path, parent: Path, replaces: Replaces) -> int | None:
    """Refuses what cannot or may not be written; the mode of the file to replace, if any."""
    size = len(os.fsencode(path.name))
    if size > 200:  # past what any file system takes once the temporary name's part is added
        longest = _name_max(parent if parent.is_dir() else Path(".")) - _PART_NAME_EXTRA
        if size > longest:
            raise PostcardsError(f"{path.name[:40]}...: the file name is {size} bytes long; here it may "
                                 f"be at most {longest}", hint="choose a shorter name with -o")
    if path.is_dir():
        raise PostcardsError(f"{path}: is a directory", hint="give a file name, e.g. postcards.pdf")
    if not parent.is_dir():
        raise PostcardsError(f"{path}: the directory {parent} does not exist",
                             hint="create it first or choose another output path")
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read the existing file: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise PostcardsError(f"{path}: exists and is not a regular file; not replacing it",
                             hint=replaces.hint)
    if not info.st_mode & 0o222:
        raise PostcardsError(f"{path}: is write-protected; not replacing it",
                             hint="make it writable first (chmod u+w), or choose another output path")
    if replaces.magic is not None:
        try:
            with path.open("rb") as existing:
                head = existing.read(len(replaces.magic))
        except OSError as exc:
            raise PostcardsError(f"{path}: cannot read the existing file: {exc.strerror}") from None
        if head != replaces.magic:
            raise PostcardsError(f"{path}: exists and is not {replaces.what}; not replacing it",
                                 hint=replaces.hint)
    return stat.S_IMODE(info.st_mode)


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # not told (Windows has no pathconf)
        return 255


def _new_part_file(parent: Path, name: str, made: list[Path]) -> IO[bytes]:
    """A new file beside the output, under a name no other run picks, with the mode any new
    file gets (0o666 less the umask, applied by the system: the umask is not read here). Its
    path is put in `made` just before it is created, so a signal arriving at any moment after
    leaves nothing behind (removing a file not yet made is harmless)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(PART_NAME_TRIES):
        part = parent / f".{name}.{secrets.token_hex(6)}.part"
        made[:] = [part]
        try:
            return os.fdopen(os.open(part, flags, 0o666), "wb")
        except FileExistsError:
            made.clear()  # another run's file: not ours to remove
            continue
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", str(parent))
