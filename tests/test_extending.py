"""docs/extending.md followed word for word: the province file and the rule module it shows are written
where it says, and do what it says — a title the national set does not know is read by the new profile,
the rule runs and documents itself. A recipe that stops working fails here."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from yusuan.model import TableKind
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import read_tables
from yusuan.recognize.tables import profiles
from yusuan.recognize.tables.templates import TEMPLATE_SETS
from yusuan.sources.text import read_text

DOC = Path(__file__).resolve().parents[1] / "docs" / "extending.md"
DOCUMENT = ("2026年某省部门资金来源表", "单位：万元", "科目编码|科目名称|合计|一般公共预算", "201|一般公共服务支出|14.70|14.70")


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def _read(sets):
    text = "\n".join(ln.replace("|", "\t") for ln in DOCUMENT) + "\n"
    raw = read_text(Path("inline.txt"), data=text.encode("utf-8"))
    return read_tables(raw.lines, Context(raw.file), sets).items


def _plant(package, name: str, code: str, tmp_path: Path, monkeypatch) -> None:
    """The file the recipe asks for, in a folder the package also reads (never the source tree)."""
    folder = tmp_path / package.__name__.replace(".", "_")
    folder.mkdir()
    (folder / f"{name}.py").write_text(code, encoding="utf-8")
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
    monkeypatch.delitem(sys.modules, f"{package.__name__}.{name}", raising=False)


def test_a_province_is_one_declaration_file(tmp_path, monkeypatch):
    (table,) = _read(TEMPLATE_SETS)
    assert table.profile == "generic"  # no profile names 资金来源表: typed by its header alone, and reported
    _plant(profiles, "mousheng", _blocks()[0], tmp_path, monkeypatch)
    found = profiles.profiles_in(profiles)
    assert "mousheng-7" in [p.name for p in found]
    (table,) = _read(found)
    assert (table.kind, table.profile) == (TableKind.INCOME_SUMMARY, "mousheng-7")
    assert table.rows[0].number("general_public") == table.rows[0].number("total")


def test_a_rule_is_one_module(tmp_path, monkeypatch):
    from yusuan.audit import catalog, rules

    monkeypatch.setattr(catalog, "_DEFAULT", catalog.Catalog(catalog.default_catalog()))
    _plant(rules, "wording_example", _blocks()[1], tmp_path, monkeypatch)
    __import__(f"{rules.__name__}.wording_example")
    info = catalog.default_catalog().get("wording.example")
    assert info.family == "wording" and "空的章节" in info.doc
