"""The province a publication comes from, told by the place names it prints.

Every province-level division by its own name (江苏省 → 江苏); Shanxi also by its cities, as the
reference document names only 阳泉市. A name in the organisation or title decides; otherwise the
province named most often in the text.
"""
from __future__ import annotations

from collections import Counter

_PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南",
    "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
)
# The province's name as printed at the start of a place: 江苏省, 上海市, 广西壮族自治区 …
_SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区")
_CITIES = {
    "山西": ("太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市", "忻州市",
             "临汾市", "吕梁市"),
}

REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (p, tuple(p + s for s in _SUFFIXES) + _CITIES.get(p, ())) for p in _PROVINCES
)


def region_of(named: str, texts: list[str]) -> str | None:
    """The province the organisation or title names, else the one the text names most."""
    for region, marks in REGIONS:
        if any(m in named for m in marks):
            return region
    hits = Counter({region: sum(t.count(m) for t in texts for m in marks) for region, marks in REGIONS})
    region, n = hits.most_common(1)[0]
    return region if n else None
