"""The one error type for users' mistakes, and the located problems it carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in a data file, counted from 1 as editors count."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in what a user gave us."""

    message: str
    where: SourceLocation | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        return self.format()

    def format(self, severity: str = "") -> str:
        """`FILE:LINE:COLUMN: [severity: ]field.path: what is wrong; how to fix`."""
        parts = []
        if self.where is not None:
            parts.append(str(self.where))
        if severity:
            parts.append(severity)
        if self.field:
            parts.append(self.field)
        text = self.message if self.hint is None else f"{self.message}; {self.hint}"
        parts.append(text)
        return ": ".join(parts)


class PostcardsError(Exception):
    """A user's mistake or a refused action: printed one line per problem, exit status 1.

    Bugs stay ordinary exceptions with tracebacks; only this type is shown to users as
    plain lines.
    """

    def __init__(
        self,
        message: str = "",
        *,
        where: SourceLocation | None = None,
        field: str | None = None,
        hint: str | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        if not problems:
            problems = (Problem(message, where, field, hint),)
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def of(cls, problems: list[Problem] | tuple[Problem, ...]) -> PostcardsError:
        """One error that carries every problem found (validation collects them all)."""
        return cls(problems=tuple(problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]
