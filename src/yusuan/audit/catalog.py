"""The rule catalog: every rule by stable id; a second rule with the same id is refused.

Built-in rules register through the same `rule` decorator a third party would use.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .findings import Finding, Severity

FAMILIES = ("arith", "cross", "narrative", "target", "complete", "wording", "code", "org", "final", "review", "across")


class NotApplicable(Exception):
    """Raise inside a rule when the document lacks what it checks (the table is absent …)."""


@dataclass(frozen=True)
class RuleInfo:
    id: str
    family: str
    title: str  # Chinese, short
    severity: Severity  # the most severe it emits
    doc: str  # the function's docstring: what it checks, why, tolerance, an example
    func: Callable[..., Iterable[Finding]]

    @property
    def module(self) -> str:
        return self.func.__module__


class Catalog:
    def __init__(self, rules: Iterable[RuleInfo] = ()) -> None:
        self._rules: dict[str, RuleInfo] = {}
        for r in rules:
            self.register(r)

    def register(self, info: RuleInfo) -> RuleInfo:
        if info.id in self._rules:
            other = self._rules[info.id]
            raise ValueError(f"duplicate rule id {info.id!r}: {other.module} and {info.module}")
        family = info.id.split(".", 1)[0]
        if "." not in info.id or family != info.family:
            raise ValueError(f"rule id {info.id!r} must be '<family>.<name>' with family {info.family!r}")
        self._rules[info.id] = info
        return info

    def get(self, id: str) -> RuleInfo:
        return self._rules[id]

    def __contains__(self, id: object) -> bool:
        return id in self._rules

    def __iter__(self) -> Iterator[RuleInfo]:
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._rules)

    def families(self) -> dict[str, list[RuleInfo]]:
        out: dict[str, list[RuleInfo]] = {}
        for r in self:
            out.setdefault(r.family, []).append(r)
        return out


_DEFAULT = Catalog()


def rule(id: str, *, family: str, title: str, severity: Severity):
    """Register `def check(d: Disclosure, ctx: AuditContext) -> Iterable[Finding]` in the default
    catalog. A duplicate id raises ValueError at import time."""

    def register(func: Callable[..., Iterable[Finding]]):
        _DEFAULT.register(RuleInfo(id=id, family=family, title=title, severity=severity,
                                   doc=inspect.cleandoc(func.__doc__ or ""), func=func))
        return func

    return register


def default_catalog() -> Catalog:
    """The catalog of every built-in rule (importing the rules package registers them)."""
    import yusuan.audit.rules  # noqa: F401  (import registers)

    return _DEFAULT
