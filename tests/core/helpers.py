"""A stand-in article for the date-ordering tests: only what core.neighbours.Dated reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Dated:
    id: str
    title: str
    date: date | None
    slug: str = ""
    outlet: str = "Outlet"
    outlet_known: bool = True
