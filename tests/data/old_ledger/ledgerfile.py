"""The ledger file itself: opened only when it is a regular file of a sane size, and added to
under a lock (`<ledger>.lock` beside it, so two runs never write a second header or mix
their rows) in one write that is undone when it fails.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from postcards.evening.ledgerscan import HEADER, START, Scan, Tail
from postcards.shared.errors import PostcardsError

MAX_BYTES = 1 << 30  # about two million cards; a larger file is refused before it is read
LOCK_SECONDS = 60  # how long a run waits for another to finish adding its rows
HEADER_LINE = (",".join(HEADER) + "\n").encode()


def not_a_file(path: Path, mode: int) -> PostcardsError:
    kind = ("a directory" if stat.S_ISDIR(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a pipe" if stat.S_ISFIFO(mode) else "not a regular file")
    return PostcardsError(f"{path}: is {kind}, not a ledger file (a run with it would record nothing)",
                          hint="give a file name with --ledger, e.g. sent.csv, or add --no-ledger")


def too_large(path: Path, size: int) -> PostcardsError:
    return PostcardsError(f"{path}: the ledger is {size / 2**20:,.0f} MB, over the {MAX_BYTES // 2**20:,} MB "
                          "a ledger may be",
                          hint="move its older rows to an archive file and keep the recent ones, "
                               "or choose another file with --ledger FILE, or add --no-ledger")


def check_file(path: Path, info: os.stat_result) -> None:
    """Refuses what is not a regular file of a sane size, before a byte of it is read."""
    if not stat.S_ISREG(info.st_mode):
        raise not_a_file(path, info.st_mode)
    if info.st_size > MAX_BYTES:
        raise too_large(path, info.st_size)


def open_checked(path: Path) -> BinaryIO | None:
    """`path` open for reading, or None when it does not exist. A pipe is opened without
    waiting for a writer (and then refused), a device or a huge file is refused unread."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise not_a_file(path, stat.S_IFDIR) from None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read the ledger: {exc.strerror}",
                             hint="fix its permissions, or add --no-ledger") from None
    try:
        check_file(path, os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def settled_size(path: Path, fd: int) -> int:
    """The file's size between two runs' appends: taken under the lock when there is one,
    so a batch being written is read whole or not at all."""
    lock = lock_path(path)
    if lock.exists():
        from filelock import FileLock, Timeout  # imported only where a lock is used: 9 ms

        try:
            with FileLock(str(lock), timeout=LOCK_SECONDS):
                return os.fstat(fd).st_size
        except (Timeout, OSError):
            pass  # a lock this user may not take: read what is there
    return os.fstat(fd).st_size


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def check_writable(path: Path) -> None:
    """Fails before any printing when rows could not be added to `path` afterwards."""
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise PostcardsError(f"{path}: cannot read the ledger: {exc.strerror}",
                             hint="fix its permissions, or add --no-ledger") from None
    parent = path.parent if str(path.parent) else Path(".")
    if info is not None:
        check_file(path, info)
        if not os.access(path, os.W_OK):
            raise PostcardsError(f"{path}: the ledger is not writable",
                                 hint="fix its permissions, choose another with --ledger FILE, "
                                      "or add --no-ledger")
    elif not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise PostcardsError(f"{path}: cannot create the ledger in {parent}",
                             hint="choose a writable place with --ledger FILE, or add --no-ledger")
    lock = lock_path(path)
    if not (os.access(lock, os.W_OK) if lock.exists() else os.access(parent, os.W_OK | os.X_OK)):
        raise PostcardsError(f"{lock}: cannot create or open the lock file that keeps two runs from "
                             "adding to the ledger at once",
                             hint="make it (or its directory) writable, choose another place with "
                                  "--ledger FILE, or add --no-ledger")


class _Unwritten(Exception):
    def __init__(self, reason: str, undone: bool) -> None:
        super().__init__(reason)
        self.reason, self.undone = reason, undone


def add_rows(path: Path, rows: bytes, count: int, tail: Tail = START) -> None:
    """Adds `count` CSV `rows` at the end of `path` under its lock (see `_joint` for what
    goes before them), in one write flushed to disk, undone when it fails. `tail` is where
    the last read of the file left off: only what was added after it is read again. When
    the rows cannot be written the error says so and lists them: the cards are printed."""
    from filelock import FileLock, Timeout  # imported only where a lock is used: 9 ms

    lock, prefix = lock_path(path), b""
    try:
        with FileLock(str(lock), timeout=LOCK_SECONDS):
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            try:
                info = os.fstat(fd)
                check_file(path, info)
                prefix, keep = _joint(path, info.st_size, tail)
                _write(fd, prefix + rows, info.st_size, keep)
            finally:
                os.close(fd)
        return
    except Timeout:
        reason, undone = f"another run has held its lock {lock} for {LOCK_SECONDS} s", True
    except _Unwritten as failed:
        reason, undone = failed.reason, failed.undone
    except PostcardsError as err:  # it was replaced by something that is not a ledger
        reason, undone = err.problems[0].message, True
    except OSError as exc:  # the lock file, or the ledger cannot be opened
        reason, undone = f"{exc.filename}: {exc.strerror}", True
    listed = HEADER_LINE + rows if prefix == HEADER_LINE else rows
    raise _unrecorded(path, listed, count, reason, undone)


def _joint(path: Path, size: int, tail: Tail) -> tuple[bytes, int]:
    """What goes before the new rows, and where they go: the header at the start of a new
    or blank file, a newline after a last line without one, a quote and a newline after a
    row cut inside its text (it stays, closed, as a line to mend)."""
    if size == 0:
        return HEADER_LINE, 0
    with path.open("rb") as handle:
        scan = Scan(handle, path, size, tail if tail.offset <= size else START)
        for _ in scan.rows():
            pass
    state = scan.tail.state
    if state == "empty":
        return HEADER_LINE, 0
    return {"ended": b"", "unended": b"\n", "open": b'"\n'}[state], size


def _write(fd: int, data: bytes, size: int, keep: int) -> None:
    """One write of `data` at the end (more only if the system writes less), flushed to
    disk; on any failure the file is cut back to `size` bytes as it was."""
    try:
        if keep < size:
            os.ftruncate(fd, keep)  # a file of blank lines: they go, the header comes first
        written = os.write(fd, data)
        while written < len(data):
            written += os.write(fd, data[written:])
        os.fsync(fd)
    except OSError as exc:
        try:
            os.ftruncate(fd, keep)
            os.fsync(fd)
        except OSError:
            raise _Unwritten(exc.strerror or str(exc), undone=False) from None
        raise _Unwritten(exc.strerror or str(exc), undone=True) from None


def _unrecorded(path: Path, rows: bytes, count: int, reason: str, undone: bool) -> PostcardsError:
    lines = rows.decode("utf-8").rstrip("\n")
    header = " (after the header line, for a new ledger)" if rows.startswith(HEADER_LINE) else ""
    state = ("it is left as it was, with no half row" if undone else
             "it now ends with part of the rows below, the last one cut (the next run names it and "
             "ignores it): delete that part first")
    return PostcardsError(f"{path}: the cards ARE printed, but the ledger could not record them "
                          f"({reason}); {state}",
                          hint=f"add these {count} rows{header} at its end by hand once it can be written, "
                               f"or the next runs may repeat their messages:\n{lines}")


