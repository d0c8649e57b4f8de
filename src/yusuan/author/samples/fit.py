"""Exact 元 amounts behind a publication's printed 万元 figures (a developer's tool for the sample).

A printed 0.01 万元 figure stands for any amount within 50 元 of it. Where the printed items of a
table do not add up to its printed total, the true amounts were not the printed ones: this finds
offsets (|offset| < 50 元) for the printed leaves so that every printed total of the chosen tables
is again what the exact amounts round to. A small repair search: enough for one department.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

W = Decimal(10000)
LIMIT = 49


@dataclass
class Leaf:
    kind: str  # "F" basic by function, "E" basic by economic item, "P" project by source
    base: int  # printed amount in 元
    attrs: dict
    offset: int = 0

    @property
    def value(self) -> int:
        return self.base + self.offset


@dataclass
class Constraint:
    members: list[tuple[int, int]]  # (leaf index, coefficient)
    lo: int
    hi: int  # exclusive
    what: str = ""

    def violation(self, leaves: list[Leaf]) -> int:
        s = sum(c * leaves[i].value for i, c in self.members)
        return max(self.lo - s, 0) + max(s - (self.hi - 1), 0)


@dataclass
class Problem:
    leaves: list[Leaf] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)

    def add(self, kind: str, printed: Decimal, **attrs) -> int:
        self.leaves.append(Leaf(kind, int(printed * W), attrs))
        return len(self.leaves) - 1

    def printed(self, pred: Callable[[Leaf], bool], printed: Decimal, what: str) -> None:
        """The leaves `pred` selects must round to `printed` (万元, 2 decimals)."""
        members = [(i, 1) for i, lf in enumerate(self.leaves) if pred(lf)]
        if members:
            centre = int(printed * W)
            self.constraints.append(Constraint(members, centre - 50, centre + 50, what))

    def equal(self, a: Callable[[Leaf], bool], b: Callable[[Leaf], bool], what: str) -> None:
        members = [(i, 1) for i, lf in enumerate(self.leaves) if a(lf)]
        members += [(i, -1) for i, lf in enumerate(self.leaves) if b(lf)]
        self.constraints.append(Constraint(members, 0, 1, what))

    def interval(self, pred: Callable[[Leaf], bool], lo: int, hi: int, what: str) -> None:
        """The selected leaves must add to an amount in [lo, hi) 元."""
        self.constraints.append(Constraint([(i, 1) for i, lf in enumerate(self.leaves) if pred(lf)], lo, hi, what))

    def total_violation(self) -> int:
        return sum(c.violation(self.leaves) for c in self.constraints)

    def solve(self, steps: int = 400_000, only: Callable[[Leaf], bool] = lambda lf: True) -> None:
        """Annealed repair: move a leaf (among `only`) of a violated total to a random offset, keep
        the move when the total violation does not grow (sometimes when it does, early on)."""
        rng = random.Random(2025)  # fixed: the sample book must come out the same every time
        of_leaf: dict[int, list[tuple[Constraint, int]]] = {}
        for c in self.constraints:
            for i, coef in c.members:
                of_leaf.setdefault(i, []).append((c, coef))
        sums = {id(c): sum(k * self.leaves[i].value for i, k in c.members) for c in self.constraints}
        mine = [c for c in self.constraints if any(only(self.leaves[i]) for i, _ in c.members)]

        def viol(c: Constraint, s: int) -> int:
            return max(c.lo - s, 0) + max(s - (c.hi - 1), 0)

        bad: list[Constraint] = []
        for step in range(steps):
            bad = [c for c in mine if viol(c, sums[id(c)])] if step % 64 == 0 or not bad else bad
            bad = [c for c in bad if viol(c, sums[id(c)])]
            if not bad:
                bad = [c for c in mine if viol(c, sums[id(c)])]
                if not bad:
                    return
            c = rng.choice(bad)
            i, coef = rng.choice([(i, k) for i, k in c.members if only(self.leaves[i])])
            lf = self.leaves[i]
            if rng.random() < 0.5:  # the move that brings this total just inside its range
                s_ = sums[id(c)]
                need = (c.lo - s_) if s_ < c.lo else (c.hi - 1 - s_)
                new = max(-LIMIT, min(LIMIT, lf.offset + coef * need))
            else:
                new = rng.randint(-LIMIT, LIMIT)
            d = new - lf.offset
            gain = sum(viol(cc, sums[id(cc)] + k * d) - viol(cc, sums[id(cc)]) for cc, k in of_leaf[i])
            temperature = 20 * (1 - step / steps)
            if gain <= 0 or rng.random() < math.exp(-gain / max(temperature, 1e-9)):
                for cc, k in of_leaf[i]:
                    sums[id(cc)] += k * d
                lf.offset = new
        bad = [c for c in mine if viol(c, sums[id(c)])]
        if bad:
            raise RuntimeError("no offsets satisfy the printed figures: " + "; ".join(c.what for c in bad[:5]))
