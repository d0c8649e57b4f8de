"""How the web pages print things for people: rule titles, figures at the printed precision,
times in Beijing time, template names. The JSON keeps every exact value; this is display only."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..report.describe import COUNT_UNITS
from ..text.numbers import bound, number, rounded

BEIJING = timezone(timedelta(hours=8), "北京时间")
MONEY_UNITS = ("万元", "元")
OTHER_RULES = {"ingest.issue": "读取提示", "audit.rule_crashed": "规则运行出错"}


@lru_cache(maxsize=None)
def rule_title(rule_id: str) -> str:
    """A rule's Chinese title (the id is for developers and shown after it)."""
    from ..audit.catalog import default_catalog

    catalog = default_catalog()
    if rule_id in catalog:
        return catalog.get(rule_id).title
    return OTHER_RULES.get(rule_id, rule_id)


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def printed(value: Decimal, unit: str) -> str:
    """An amount as a disclosure prints it: money to two places of its unit, counts whole, other
    figures (rates) to four places at most; a value that had more places is marked ≈
    (42.212801万元 → ≈42.21万元)."""
    places = 2 if unit in MONEY_UNITS else (0 if unit in COUNT_UNITS else None)
    if places is None:
        return number(bound(value))
    shown = rounded(value, places)
    return ("≈" if shown != value else "") + number(shown)


def figures_text(f: dict) -> str:
    """应为 … · 实为 … · 相差 … · 允许尾差 ±…, each at the printed precision, with the unit."""
    unit = f.get("unit") or ""
    parts = []
    for key, label in (("expected", "应为"), ("actual", "实为"), ("difference", "相差")):
        v = _decimal(f.get(key))
        if v is not None:
            text = printed(v, unit)
            if key == "difference" and v > 0:
                text = "+" + text
            parts.append(f"{label} {text}{unit}")
    tol = _decimal(f.get("tolerance"))
    if tol is not None:
        parts.append(f"允许尾差 ±{number(bound(tol))}{unit}")
    return " · ".join(parts)


def beijing(value: datetime | str | None, with_zone: bool = False) -> str:
    """A stored time (UTC, naive) in Beijing time: 2026-12-05 16:03."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    text = value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    return f"{text}（北京时间）" if with_zone else text


def template_zh(name: str | None) -> str:
    """shanxi-13 → 山西13表; generic → 通用."""
    from ..templates import TEMPLATES

    t = TEMPLATES.get(name or "")
    if t is None:
        return name or ""
    return f"{t.region}{len(t.tables)}表" if t.region else "通用格式"


def money(value: Decimal | None) -> str:
    """An amount in a table's own unit, to two places (≈ where it had more: a 元 figure in 万元)."""
    return "" if value is None else printed(value, "元")


def install(env) -> None:
    """Register the filters on a Jinja2 environment."""
    env.filters["beijing"] = beijing
    env.filters["template_zh"] = template_zh
    env.filters["rule_title"] = rule_title
    env.filters["money"] = money
    env.globals["figures_text"] = figures_text
