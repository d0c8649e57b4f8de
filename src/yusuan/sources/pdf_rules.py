"""A page's rules snapped and joined: pdfplumber's `filter_edges` and `merge_edges`, same results.

pdfplumber snaps each rule to the mean position of the rules within the tolerance of it
(`snap_objects`: values clustered in a chain, each rule moved by the mean minus its own position)
and then joins the rules on one line that overlap or nearly touch (`join_edge_group`). It does so
with a sort and a `groupby` per step and a copy of the rule's dict through a tuple of its items
for every move and every join: on a page of a few hundred rules that is most of the table
finding. Here the same steps, in the same order and with the same arithmetic, build each moved
rule once; tests/sources/test_pdf_rules.py compares the result with pdfplumber's on every ruled
page of two real disclosures.
"""
from __future__ import annotations

from operator import itemgetter

_X0, _TOP = itemgetter("x0"), itemgetter("top")


def long_enough(edges: list[dict], min_length: float) -> list[dict]:
    """pdfplumber's filter_edges(edges, min_length=…): the rules at least that long."""
    return [e for e in edges if e["height" if e["orientation"] == "v" else "width"] >= min_length]


def merge_rules(edges: list[dict], tolerance: float) -> list[dict]:
    """pdfplumber's merge_edges(edges, tolerance × 4): horizontal rules (by height) then vertical
    ones (by x), each line's rules joined."""
    vertical = _snapped([e for e in edges if e["orientation"] == "v"], "x0", tolerance)
    horizontal = _snapped([e for e in edges if e["orientation"] != "v"], "top", tolerance)
    out: list[dict] = []
    for rules, at, low, high in ((horizontal, _TOP, "x0", "x1"), (vertical, _X0, "top", "bottom")):
        rules.sort(key=at)  # stable, as pdfplumber's sort by (orientation, position)
        start = 0
        for k in range(1, len(rules) + 1):
            if k == len(rules) or at(rules[k]) != at(rules[start]):
                out += _joined(rules[start:k], low, high, tolerance)
                start = k
    return out


def _snapped(rules: list[dict], attr: str, tolerance: float) -> list[dict]:
    """pdfplumber's snap_objects: the rules by cluster of `attr` (a chain of values each within
    `tolerance` of the one before), each moved to its cluster's mean."""
    if not rules:
        return []
    values = sorted(set(r[attr] for r in rules))
    cluster: dict[float, int] = {}
    index, last = 0, values[0]
    for value in values:
        if not value <= last + tolerance:  # pdfplumber's cluster_list test, NaN included
            index += 1
        cluster[value] = index
        last = value
    members: list[list[dict]] = [[] for _ in range(index + 1)]
    for r in rules:
        members[cluster[r[attr]]].append(r)
    out = []
    for group in members:
        mean = sum(r[attr] for r in group) / len(group)
        out += [_moved(r, attr, mean - r[attr]) for r in group]
    return out


def _moved(rule: dict, attr: str, by: float) -> dict:
    """pdfplumber's move_object: a vertical rule moved across (x0, x1), a horizontal one down."""
    if attr == "x0":
        return {**rule, "x0": rule["x0"] + by, "x1": rule["x1"] + by}
    moved = {**rule, "top": rule["top"] + by, "bottom": rule["bottom"] + by}
    if "doctop" in rule:
        moved["doctop"] = rule["doctop"] + by
    if "y0" in rule:
        moved["y0"], moved["y1"] = rule["y0"] - by, rule["y1"] - by
    return moved


def _joined(rules: list[dict], low: str, high: str, tolerance: float) -> list[dict]:
    """pdfplumber's join_edge_group: rules on one line that overlap or come within `tolerance` of
    each other made one."""
    rules = sorted(rules, key=itemgetter(low))
    joined = [rules[0]]
    for r in rules[1:]:
        last = joined[-1]
        if r[low] <= last[high] + tolerance:
            if r[high] > last[high]:
                joined[-1] = _extended(last, high, r[high])
        else:
            joined.append(r)
    return joined


def _extended(rule: dict, high: str, value: float) -> dict:
    """pdfplumber's resize_object of the rule's far end (x1 or bottom)."""
    if high == "x1":
        return {**rule, "x1": value, "width": value - rule["x0"]}
    diff = value - rule["bottom"]
    out = {**rule, "bottom": value, "height": rule["height"] + diff}
    if "y0" in rule:
        out["y0"] = rule["y0"] - diff
    return out
