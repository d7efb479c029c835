"""Problems are values: each carries a location and a hint, and the CLI prints them.

    Problem                 one thing wrong (or suspicious) in an input, with Loc
    BuildFailed(Exception)  raised by a stage that cannot go on; holds every Problem found

Stages collect every problem they can find before giving up, so a contributor
sees all of them in one run rather than one per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.core.model import Loc

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    loc: Loc
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.loc}: {self.severity}: {self.message}"

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
