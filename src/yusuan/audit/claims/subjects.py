"""What a stated amount is of: the subject words before it, mapped to a canonical key.

The narrative names the same figure in several ways (上年结转 / 上年结转收入, “三公”经费 /
三公经费); rules compare canonical keys, messages show what was printed.
"""
from __future__ import annotations

import re

from ...text.folding import fold

# canonical key -> printed forms (folded: no spaces, NFKC, quotes removed)
SUBJECTS: dict[str, tuple[str, ...]] = {
    "收入总计": ("收入总计", "预算收入总计"),
    "支出总计": ("支出总计", "预算支出总计"),
    "本年收入": ("本年收入",),
    "本年支出": ("本年预算安排", "本年支出"),
    "上年结转": ("上年结转", "上年结转收入"),
    "预算收入": ("预算收入",),
    "支出预算": ("支出预算",),
    "一般公共预算拨款": ("一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算收入"),
    "政府性基金预算拨款": ("政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金收入"),
    "国有资本经营预算拨款": ("国有资本经营预算拨款", "国有资本经营预算拨款收入"),
    "财政专户管理资金": ("财政专户管理资金", "财政专户管理资金收入"),
    "单位资金": ("单位资金",),
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出",),
    "单位预留机动经费": ("单位预留机动经费", "预留机动经费"),  # Jiangsu: a third part of 支出
    "结转下年": ("结转下年资金", "结转下年"),
    "财政拨款收支总预算": ("财政拨款收支总预算", "财政拨款收支预算", "财政拨款收支总额"),
    "当年拨款收入": ("当年拨款收入", "当年财政拨款收入"),
    "一般公共预算当年支出": ("一般公共预算当年支出", "一般公共预算支出"),
    "人员经费": ("人员经费",),
    "公用经费": ("公用经费",),
    "三公经费": ("三公经费",),
    "因公出国（境）费": ("因公出国(境)费", "因公出国(境)费用", "因公出国费"),
    "公务接待费": ("公务接待费",),
    "公务用车购置及运行费": ("公务用车购置及运行费", "公务用车购置及运行维护费"),
    "公务用车运行维护费": ("公务用车运行维护费", "公务用车运行费"),
    "公务用车购置费": ("公务用车购置费",),
    "机关运行经费": ("机关运行经费",),
    "政府采购": ("政府采购预算总额", "政府采购预算", "政府采购总额"),
    "政府采购货物": ("政府采购货物预算", "政府采购货物", "货物预算"),
    "政府采购工程": ("政府采购工程预算", "政府采购工程", "工程预算"),
    "政府采购服务": ("政府采购服务预算", "政府采购服务", "服务预算"),
    "部门预算资金": ("部门预算资金",),
}

_QUOTES = re.compile(r"[“”\"'‘’「」]")

# every printed form, longest first, with its key
_FORMS = sorted(((f, k) for k, fs in SUBJECTS.items() for f in fs), key=lambda x: -len(x[0]))
FORMS = frozenset(f for f, _ in _FORMS)


def fold_subject(text: str) -> str:
    """A subject for matching: folded (NFKC, no white space) and without quotation marks."""
    return _QUOTES.sub("", fold(text))


def subject_key(text: str) -> str | None:
    """The canonical key a subject text names: the longest known form it contains, nearest the end."""
    t = fold_subject(text)
    best: tuple[int, int, str] | None = None  # (length, end position, key)
    for form, key in _FORMS:
        at = t.rfind(form)
        if at >= 0:
            cand = (len(form), at + len(form), key)
            if best is None or cand > best:
                best = cand
    return best[2] if best else None
