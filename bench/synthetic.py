"""A synthetic corpus: disclosures compiled from random budget books (seeded, reproducible), most
with one slip injected — a printed amount changed after compilation, as a typing slip would — and
a manifest saying which file carries which slip, so that recall can be measured over a corpus.

Books are drawn as in tests/author/test_random_books.py (which draws them with hypothesis); here a
seeded `random.Random` draws them, so that bench runs are repeatable without hypothesis.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from yusuan.author.book import Book, Department, ExpenditureLine, IncomeLine, Project, Unit, Where
from yusuan.author.compile import compile_book
from yusuan.author.sheets import LAST_YEAR_KEYS, TEXT_KEYS
from yusuan.model import Amount, Disclosure, RowRole, TableKind
from yusuan.reference import bundled_catalogue

W = Where("合成")
PERSONNEL = [("30101", "50101"), ("30102", "50501"), ("30113", "50103")]
OPERATING = [("30201", "50201"), ("30217", "50206"), ("30231", "50208")]
PROJECT = [("30299", "50299"), ("30231", "50208")]
# Where a slip goes: the table, and which rows may take it.
SLIPS = {
    "expenditure_item": (TableKind.EXPENDITURE_SUMMARY, RowRole.ITEM),
    "income_item": (TableKind.INCOME_SUMMARY, RowRole.ITEM),
    "general_item": (TableKind.GENERAL_EXPENDITURE, RowRole.ITEM),
    "summary_total": (TableKind.INCOME_EXPENDITURE_SUMMARY, RowRole.TOTAL),
    "economic_item": (TableKind.GENERAL_BASIC_ECONOMIC, RowRole.ITEM),
}


@dataclass(frozen=True)
class Slip:
    """kind: a key of SLIPS; table: the table id; code/label: the row; column; old/new: printed values."""

    kind: str
    table: str
    code: str
    label: str
    column: str
    old: str
    new: str


def _money(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(10_000, 500_000_000)) / 100


def random_book(rng: random.Random, n: int) -> Book:
    functions = [c for c in bundled_catalogue().codes() if len(c) == 7 and c[0] == "2"]
    units = tuple(Unit(f"合成部门{n}第{i + 1}单位", rng.choice(("行政", "参公", "事业")), W) for i in range(rng.randint(1, 3)))
    lines, projects = [], []
    for _ in range(rng.randint(3, 14)):
        unit = rng.choice(units).name
        nature = rng.choice(("人员经费", "公用经费", "项目支出"))
        pid = ""
        if nature == "项目支出":
            dept, gov = rng.choice(PROJECT)
            projects.append(Project(f"P{len(projects) + 1}", unit, f"合成项目{len(projects) + 1}", "其他运转类", W))
            pid = projects[-1].id
        else:
            dept, gov = rng.choice(PERSONNEL if nature == "人员经费" else OPERATING)
        lines.append(ExpenditureLine(unit, rng.choice(functions), nature, dept, gov, "一般公共预算", "本年", _money(rng), W, pid))
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for ln in lines:
        totals[(ln.source, ln.period)] += ln.amount
    income = tuple(IncomeLine(s, p, v, W) for (s, p), v in totals.items())
    last = {k: _money(rng) for k in LAST_YEAR_KEYS}
    last["公务用车购置及运行费"] = last["公务用车购置费"] + last["公务用车运行维护费"]
    last["三公经费"] = last["因公出国（境）费"] + last["公务接待费"] + last["公务用车购置及运行费"]
    dept = Department(f"合成部门{n}", f"{n:03d}", rng.choice((2024, 2025)), "shanxi-13", "万元", "山西", ("办公室",))
    codes = sorted({ln.function_code for ln in lines})
    return Book(dept, units, income, tuple(lines), tuple(projects), (), {k: f"合成{k}" for k in TEXT_KEYS}, last,
                {"货物": _money(rng), "工程": Decimal(0), "服务": _money(rng)}, {}, (("基本支出", "合成"),),
                {c: f"合成{c}的用途" for c in codes}, {})


def inject(d: Disclosure, rng: random.Random, kind: str) -> tuple[Disclosure, Slip | None]:
    """The disclosure with one printed amount changed by a visible step (1 to 9 in its last place ×100)."""
    table_kind, role = SLIPS[kind]
    t = d.table(table_kind)
    rows = [r for r in t.rows if r.role is role and any(v.amount for v in r.values)] if t else []
    if not rows:
        return d, None
    row = rng.choice(rows)
    value = rng.choice([v for v in row.values if v.amount])
    a = value.amount
    step = Decimal(rng.randint(1, 9)).scaleb(2 - a.places)  # 1.00–9.00 万元
    new = Amount(a.value + step, a.unit, a.places)
    row2 = replace(row, values=tuple(replace(v, amount=new) if v is value else v for v in row.values))
    t2 = replace(t, rows=tuple(row2 if r is row else r for r in t.rows))
    d2 = replace(d, tables=tuple(t2 if x is t else x for x in d.tables))
    return d2, Slip(kind, t.id, row.code or "", row.label, value.column, format(a.value, "f"), format(new.value, "f"))


def write_corpus(folder: Path, files: int, *, seed: int = 13, clean_share: float = 0.1, xlsx_share: float = 0.2) -> Path:
    """`files` disclosures under `folder` (JSON, and XLSX for a share of them) and manifest.json."""
    from yusuan.ingest import write_disclosure
    from yusuan.render import renderer

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for n in range(files):
        d = compile_book(random_book(rng, n), f"synthetic-{n}")
        slip = None
        if rng.random() >= clean_share:
            d, slip = inject(d, rng, rng.choice(sorted(SLIPS)))
        xlsx = rng.random() < xlsx_share
        path = folder / f"synthetic-{n:04d}{'.xlsx' if xlsx else '.json'}"
        renderer("xlsx").write(d, path) if xlsx else write_disclosure(d, path)
        manifest[path.name] = slip.__dict__ if slip else None
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder / "manifest.json"
