"""Contents entries and headings compared by their words: the numbering and leader dots dropped."""
from __future__ import annotations

import re

from .folding import fold

# Ordinals and numbering printed before titles in contents and headings: 表一, 第二部分, 十二、, （一）, 1、, 附件：
NUMBERING = re.compile(r"^(表[一二三四五六七八九十]+|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|"
                       r"\([一二三四五六七八九十]+\)|\d+[、.]|附件\d*[：:]?)")
_DOTS = re.compile(r"[.．…·]+$")
# Words a contents entry and its heading may word differently: 一、部门主要职能 vs
# 上海市普陀区…办事处（部门）主要职能, 其他重要事项说明 vs 其他重要事项的情况说明. Bracketed asides,
# the level words and 的/情况 are dropped for matching.
_ASIDE = re.compile(r"[（(][^）)]*[）)]|部门|单位|本|的|情况")


def title_key(text: str) -> str:
    """A title folded, without its numbering and trailing leader dots: ``表一 收入总表……`` → ``收入总表``."""
    return NUMBERING.sub("", _DOTS.sub("", fold(text)))


def contents_key(text: str) -> str:
    """`title_key` without bracketed asides, level words and 的/情况, for matching an entry to its heading."""
    return _ASIDE.sub("", title_key(text))


def names_a_table(title: str) -> bool:
    """A contents entry naming one table (四、财政拨款收支预算总表): of a narrative-only half, the
    other file's business."""
    return contents_key(title).endswith("表")
