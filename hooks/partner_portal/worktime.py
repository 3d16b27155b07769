"""Working time in the data, parsed once: response-time durations, working weeks, support hours.

A bound of a response-time window is written as a text with its own unit ("30 minutes",
"1 hour", "2 days"; data/commitment.yml). schemas/common.schema.json holds its shape
(`duration`) and the one list of units (`duration_unit`): this module reads both from there,
and the published API and the calculator get the parsed {amount, unit}, so no other place
lists the units. What each unit lasts is the arithmetic below, and the calculator's
(overrides/assets/portal/js/lib/worktime.js): minutes and hours of working time, and a "day",
one working day of the escalation region (the length of its support hours, 24 hours where it
has none, or when a case counts round the clock).
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "common.schema.json"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WINDOWS = ("acknowledgement", "determination")
MINUTES_PER_DAY = 24 * 60
_MINUTES = {"minute": 1, "hour": 60}  # and a day: the region's working day, given by the caller


@cache
def _definitions() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]


def units() -> tuple[str, ...]:
    """The units a duration may be written in: `duration_unit` of the schema."""
    return tuple(_definitions()["duration_unit"]["enum"])


class DurationError(ValueError):
    """A duration that cannot be read; its message says why, for a Problem line."""


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # one of units(), singular

    def minutes(self, day: int = MINUTES_PER_DAY) -> int:
        """Working minutes it lasts where a working day lasts `day` minutes."""
        return self.amount * (day if self.unit == "day" else _MINUTES[self.unit])

    def as_json(self) -> dict[str, Any]:
        return {"amount": self.amount, "unit": self.unit}

    def __str__(self) -> str:  # in English, for the maintainers' messages: "1 hour", "30 minutes"
        return f"{self.amount} {self.unit}" + ("" if self.amount == 1 else "s")


@dataclass(frozen=True)
class Window:
    """A response-time window: it opens `min` and closes `max` after the request was sent."""

    min: Duration
    max: Duration

    def as_json(self) -> dict[str, Any]:
        return {"min": self.min.as_json(), "max": self.max.as_json()}


def parse_duration(text: Any) -> Duration:
    """"30 minutes" → Duration(30, "minute"); a unit may be singular or plural, whatever the number."""
    definition = _definitions()["duration"]
    match = re.fullmatch(definition["pattern"].removeprefix("^").removesuffix("$"), text) if isinstance(text, str) else None
    if not match:
        raise DurationError(definition["x-error"])
    amount, word = int(match[1]), match[2]
    unit = word.removesuffix("s") if word.removesuffix("s") in units() else word
    if unit not in units():
        spellings = [spelling for known in units() for spelling in (known, f"{known}s")]
        hint = difflib.get_close_matches(word, spellings, n=1)
        choices = ", ".join(f"{known}(s)" for known in units())
        raise DurationError(f"unknown unit '{word}'" + (f"; did you mean '{hint[0]}'?" if hint else "") + f" (a duration's unit is one of: {choices})")
    return Duration(amount, unit)


def parse_window(bounds: dict[str, Any]) -> Window:
    return Window(parse_duration(bounds["min"]), parse_duration(bounds["max"]))


# --- working weeks and support hours ---------------------------------------------------------


def weekdays(first_day: str, last_day: str) -> list[int]:
    """ISO 8601 weekday numbers (Monday 1 .. Sunday 7) from first_day to last_day, round the
    week's end if need be (sunday to thursday: 7, 1, 2, 3, 4)."""
    first, last = WEEKDAYS.index(first_day), WEEKDAYS.index(last_day)
    return [(first + offset) % 7 + 1 for offset in range((last - first) % 7 + 1)]


@dataclass(frozen=True)
class SupportHours:
    """The local hours of a working day that count; `opens` before `closes` (validate.py says so)."""

    opens: datetime.time
    closes: datetime.time

    @property
    def minutes(self) -> int:
        return (self.closes.hour - self.opens.hour) * 60 + self.closes.minute - self.opens.minute

    def as_json(self) -> dict[str, str]:
        return {"opens": f"{self.opens:%H:%M}", "closes": f"{self.closes:%H:%M}"}

    def __str__(self) -> str:
        return f"{self.opens:%H:%M} to {self.closes:%H:%M}"


def parse_hours(hours: dict[str, str] | None) -> SupportHours | None:
    """{opens: "08:00", closes: "18:00"}, as the schema checked it; None: round the clock."""
    if hours is None:
        return None
    return SupportHours(datetime.time.fromisoformat(hours["opens"]), datetime.time.fromisoformat(hours["closes"]))


@dataclass(frozen=True)
class Schedule:
    """When working time counts in one escalation region."""

    first_day: str
    last_day: str
    hours: SupportHours | None

    @property
    def days(self) -> list[int]:
        return weekdays(self.first_day, self.last_day)

    @property
    def day_minutes(self) -> int:
        """What a "day" of a response time lasts here: one working day."""
        return self.hours.minutes if self.hours else MINUTES_PER_DAY

    def week_json(self) -> dict[str, Any]:
        return {"first_day": self.first_day, "last_day": self.last_day, "days": self.days}


def schedule(region: dict[str, Any], default_week: dict[str, str]) -> Schedule:
    """A region's working days (its own `working_week`, else the commitment's) and support hours."""
    week = region.get("working_week", default_week)
    return Schedule(week["first_day"], week["last_day"], parse_hours(region.get("support_hours")))


def same_everywhere(schedules: list[Schedule]) -> bool:
    """Whether one sentence says it all: every region works the same days round the clock (the
    pages then name the days; otherwise they send the reader to each region's row)."""
    return len({(item.first_day, item.last_day) for item in schedules}) <= 1 and all(item.hours is None for item in schedules)
