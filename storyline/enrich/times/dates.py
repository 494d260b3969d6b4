"""Calendar arithmetic and TIMEX3 value formatting (no text, no rules)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from storyline.rules import times as R


_SEASON_CENTER = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def fmt(gran: str, d: date, extra: str = "") -> str:
    if gran == "day":
        return d.isoformat() + extra
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "week":
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + extra
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def shift_date(gran: str, d: date, n: int) -> date:
    if gran == "day":
        return d + timedelta(days=n)
    if gran == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[gran]
    y, m = add_months(d.year, d.month, n * months)
    return date(y, m, 1)


def number(word: str) -> float | None:
    w = " ".join(word.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if re.fullmatch(r"\d+ 1/2", w):
        return float(w.split()[0]) + 0.5
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in R.NUMBER_WORDS and parts[1] in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[parts[0]] + R.NUMBER_WORDS[parts[1]]
    return None


def duration_value(n: float | None, unit: str) -> str:
    letter, is_time = R.UNITS[unit]
    if letter == "WE":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{int(n * 2)}D")
    if letter in R.UNIT_SCALE:
        if n is None:
            return f"PX{letter}"
        letter, k = R.UNIT_SCALE[letter]
        n = n * k
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{letter}"
    if not float(n).is_integer() and letter in R.HALF_UNIT and float(n * 2).is_integer():
        sub, amount = R.HALF_UNIT[letter]
        whole = int(n)
        sub_t = "T" if (is_time or sub == "H") and not t else ""
        head = f"{whole}{letter}" if whole else ""
        if float(amount).is_integer():
            return f"P{t}{head}{sub_t}{int(amount)}{sub}"
    return f"P{t}{_num_str(n)}{letter}"


def _num_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def as_date(published) -> date | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return None

def pick(cands: list[date], dct: date, tense: str | None) -> date:
    """Choose among candidate dates: the latest not after the DCT for the past, the earliest
    not before it for the future, else the nearest."""
    past = [d for d in cands if d <= dct]
    fut = [d for d in cands if d >= dct]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and fut:
        return min(fut)
    return min(cands, key=lambda d: abs((d - dct).days))

def _unit_gran(unit: str) -> str:
    return {"week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
            "year": "year", "decade": "decade", "century": "century", "day": "day"}[unit]


def _latest_quarter(dct: date) -> date:
    q0 = date(dct.year, (dct.month - 1) // 3 * 3 + 1, 1)
    return shift_date("quarter", q0, -1)

def season_year(dct: date, code: str, shift: int | None, tense: str | None) -> int:
    center = _SEASON_CENTER[code]
    cur_y = dct.year
    cands = [date(y, center, 15) for y in (cur_y - 1, cur_y, cur_y + 1)]
    if code == "WI":  # winter 2021 runs from December 2021 into 2022
        cands = [date(y + 1, 1, 15) for y in (cur_y - 2, cur_y - 1, cur_y)]
    if shift == 0:
        # "this autumn": the season of the current year, even when last year's is nearer;
        # "this winter" in its first months is the winter in progress (begun last December)
        if code == "WI" and dct.month <= R.WINTER_LAST_MONTH:
            return cur_y - 1
        return cur_y
    elif shift == -1:
        d = max(x for x in cands if x < dct - timedelta(days=45))
    elif shift == 1:
        d = min(x for x in cands if x > dct + timedelta(days=45))
    else:
        d = pick(cands, dct, tense)
    return d.year - 1 if code == "WI" else d.year

def holiday_date(name: str, y: int) -> date | None:
    if name in R.HOLIDAYS_FIXED:
        return safe_date(y, *R.HOLIDAYS_FIXED[name])
    if name == R.ELECTION_DAY:
        first = date(y, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    month, wd, n = R.HOLIDAYS_RULE[name]
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(*add_months(y, month, 1), 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)
