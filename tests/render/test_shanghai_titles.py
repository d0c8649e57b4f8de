"""render keeps its own copy of the titles Shanghai prints (render does not import the reader): the
copy must say what the reader's Shanghai profile says, or a Shanghai table would render in Shanxi's form."""
from yusuan.recognize.tables.profiles.shanghai import SHANGHAI_9
from yusuan.render.headers import SHANGHAI_STUBS, SHANGHAI_TITLES, is_shanghai


def test_render_titles_are_the_readers():
    assert set(SHANGHAI_TITLES) == set(SHANGHAI_STUBS)
    readers = {t.kind: t.titles for t in SHANGHAI_9.templates if t.kind in SHANGHAI_TITLES}
    assert readers == {k: (v,) for k, v in SHANGHAI_TITLES.items()}


def test_a_shanxi_title_is_not_shanghais():
    from yusuan.model import TableKind as K

    assert is_shanghai(K.INCOME_SUMMARY, "2025年上海市普陀区民政局收入预算总表")
    assert not is_shanghai(K.INCOME_SUMMARY, "2025年阳泉市民政局部门收入总表")
    assert not is_shanghai(K.FISCAL_SUMMARY, "2025年财政拨款收支预算总表")  # same stubs in both forms


def test_shanghais_summary_tables_name_the_compiling_department_too():
    from yusuan.model import TableKind as K
    from yusuan.render.headers import names_compiler

    # as the 普陀区人民政府办公室 2025 budget prints them (samples/pdf/putuo-govoffice-2025-dept-budget.pdf)
    assert names_compiler(K.INCOME_EXPENDITURE_SUMMARY, "2025年部门财务收支预算总表")
    assert names_compiler(K.FISCAL_SUMMARY, "2025年部门财政拨款收支预算总表")
    assert not names_compiler(K.FISCAL_SUMMARY, "2025年财政拨款收支总表")
