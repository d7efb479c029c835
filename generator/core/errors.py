"""Problems are values: each carries a location and a hint, and the CLI prints them.

    Problem                 one thing wrong (or suspicious) in an input, with Loc
    BuildFailed(Exception)  raised by a stage that cannot go on; holds every Problem found

Stages collect every problem they can find before giving up, so a contributor
sees all of them in one run rather than one per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.core.model import Loc, visible

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    loc: Loc
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.loc}: {self.severity}: {visible(self.message, keep_newlines=True)}"

    def github_command(self) -> str:
        """The problem as a GitHub Actions workflow command: one line, whatever the path and message hold
        (an escaped newline cannot start a second, forged command)."""
        kind = "error" if self.is_error else "warning"
        where = f"file={_github_property(visible(self.loc.path))}"
        where += f",line={self.loc.line}" if self.loc.line else ""
        where += f",col={self.loc.column}" if self.loc.column else ""
        return f"::{kind} {where}::{_github_data(visible(self.message, keep_newlines=True))}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def error(loc: Loc, message: str) -> Problem:
    return Problem(loc, message, ERROR)


def warning(loc: Loc, message: str) -> Problem:
    return Problem(loc, message, WARNING)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def strict(problems: Iterable[Problem]) -> list[Problem]:
    """Every warning as an error: strict mode, for an archive that wants every quote anchored exactly."""
    return [Problem(p.loc, p.message, ERROR) for p in problems]


class BuildFailed(Exception):
    """A stage found errors it cannot build past."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def _github_data(text: str) -> str:
    """Escaped as the workflow-command format requires of a message (GitHub's toolkit, escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """Escaped as the workflow-command format requires of a property value (escapeProperty)."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def counted(number: int, noun: str) -> str:
    """'1 error', '2 errors': a count with its noun (English plural in -s)."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def quoted_value(value: object, limit: int = 80) -> str:
    """repr(value), cut to a short prefix for a long one: a problem message names a value so it can be
    found in the file, and a 50 MB annotation field must not become 50 MB of stderr."""
    text = repr(value)
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, (str, bytes, list, dict, tuple)) else len(text)
    return f"{text[:limit]}… ({size:,} characters)"


def plain_or_quoted(text: str, limit: int = 80) -> str:
    """text as written where that is safe to print (short, no control or direction character), else
    quoted_value(text): a path or a reference reads as itself, a hostile one cannot flood or spoof."""
    return text if len(text) <= limit and text.isprintable() else quoted_value(text, limit)
