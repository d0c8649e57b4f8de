"""The organisations page on both stores: import the list of departments and units, batch-upload a
ZIP (bombs and path traversal refused) or a folder's files, see each department's status per year,
and download a year's checklists as one ZIP."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
LIST_CSV = ("部门,单位\n"
            "上海市普陀区人民政府办公室,\n"
            "上海市普陀区人民政府办公室,上海市普陀区人民政府外事办公室\n"
            "上海市普陀区民政局,上海市普陀区社会福利院\n"
            "上海市普陀区人民政府万里街道办事处,\n")


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


class Browser(TestClient):
    """A browser session: every form post carries the page's CSRF token, as the page's forms do."""

    def post(self, url, **kw):
        page = self.get("/orgs").text
        token = re.search(r'name="csrf_token" value="([^"]*)"', page) or re.search(r'"X-CSRF-Token": "([^"]*)"', page)
        return super().post(url, headers={"X-CSRF-Token": token.group(1)}, **kw)


@pytest.fixture
def web(make_app):
    return Browser(make_app())


def test_the_list_imports_and_the_status_shows_per_department_and_year(web):
    r = web.post("/orgs/list", files={"list": ("名录.csv", LIST_CSV.encode("utf-8"), "text/csv")})
    assert r.status_code == 200 and "已导入单位名录：3 个部门，所属单位 2 个。" in r.text
    archive = zip_of({
        "普陀/putuo-govoffice-2025-dept-budget.pdf": (PDF / "putuo-govoffice-2025-dept-budget.pdf").read_bytes(),
        "普陀/putuo-welfare-home-2024-unit-budget.pdf": (PDF / "putuo-welfare-home-2024-unit-budget.pdf").read_bytes(),
        "普陀/说明.doc": b"old word file",
    })
    r = web.post("/orgs/upload", files=[("files", ("2025.zip", archive, "application/zip")),
                                        ("files", ("万里/putuo-wanli-2025-dept-budget.pdf",
                                                   (PDF / "putuo-wanli-2025-dept-budget.pdf").read_bytes(), "application/pdf"))])
    assert r.status_code == 200
    assert r.text.count("已保存") == 3 and "说明.doc：不是预算公开文件" in r.text
    page = web.get("/orgs").text
    assert "部门与单位" in page and 'href="/orgs"' in page  # the nav link


def test_status_counts(web):
    web.post("/orgs/list", files={"list": ("名录.csv", LIST_CSV.encode("utf-8"), "text/csv")})
    for name in ("putuo-govoffice-2025-dept-budget.pdf", "putuo-welfare-home-2024-unit-budget.pdf"):
        web.post("/orgs/upload", files={"files": (name, (PDF / name).read_bytes(), "application/pdf")})
    store = web.app.state.store
    from yusuan.store.orgs import load_tree, overview

    view = overview(load_tree(store), store.list())
    status = dict(view.departments)
    assert view.years == (2024, 2025) and view.columns == ((2024, "budget"), (2025, "budget"))
    assert status["上海市普陀区人民政府办公室"][(2025, "budget")].published
    assert not status["上海市普陀区人民政府办公室"][(2024, "budget")].uploaded
    welfare = status["上海市普陀区民政局"][(2024, "budget")]
    assert not welfare.published and list(welfare.units) == ["上海市普陀区社会福利院"] and welfare.units_listed == 1
    assert welfare.listed_uploaded == 1 and welfare.missing_units == ()
    assert welfare.errors == sum(d.errors for d in welfare.docs)


def upload_all(web, *paths: Path) -> None:
    for p in paths:
        web.post("/orgs/upload", files={"files": (p.name, p.read_bytes(), "application/pdf")})


def status_cell(page: str, dep: str, column: str) -> str:
    row = next(r for r in page.split("<tr>") if f'">{dep}</a><br><small>名录' in r)
    return row.split(f'data-column="{column}">', 1)[1].split("</td>", 1)[0]


def test_the_status_tells_the_truth(web):
    """The 区府办's 单位预算 bears the department's name: it is the unit the list names so (1/2),
    not the department's own 部门预算; nothing uploaded is 未上传, not 未公开; a 决算 has its
    own column; warnings without errors are 需复核, not a green 已检查; the import counts
    departments and units, not the entries it made."""
    listing = ("部门,单位\n上海市普陀区人民政府办公室,上海市普陀区人民政府办公室\n"
               "上海市普陀区人民政府办公室,上海市普陀区人民政府外事办公室\n"
               "上海市普陀区规划和自然资源局,\n上海市普陀区民政局,上海市普陀区社会福利院\n上海市普陀区人民政府万里街道办事处,\n")
    r = web.post("/orgs/list", files={"list": ("名录.csv", listing.encode("utf-8"), "text/csv")})
    assert "已导入单位名录：4 个部门，所属单位 3 个。" in r.text
    upload_all(web, PDF / "putuo-govoffice-2025-unit-budget.pdf", PDF / "putuo-govoffice-2025-dept-budget.pdf",
               PDF.parent / "final" / "putuo-planning-2024-final.pdf", PDF / "putuo-welfare-home-2024-unit-budget.pdf")
    page = web.get("/orgs").text
    assert "未公开" not in page.split('id="org-status"')[1]
    office = status_cell(page, "上海市普陀区人民政府办公室", "2025-budget")
    assert "部门：已上传" in office and "单位：已上传 1/2" in office and "未上传：上海市普陀区人民政府外事办公室" in office
    assert "未上传" in status_cell(page, "上海市普陀区人民政府办公室", "2024-budget")
    headers = re.findall(r'<th data-column="([^"]+)">', page)
    assert headers == ["2024-budget", "2024-final_accounts", "2025-budget"]
    planning = status_cell(page, "上海市普陀区规划和自然资源局", "2024-final_accounts")
    assert "部门：已上传" in planning and "未上传" in status_cell(page, "上海市普陀区规划和自然资源局", "2024-budget")
    store = web.app.state.store
    for dep, column in (("上海市普陀区人民政府办公室", "2025-budget"), ("上海市普陀区规划和自然资源局", "2024-final_accounts"),
                        ("上海市普陀区民政局", "2024-budget")):
        cell = status_cell(page, dep, column)
        docs = [d for d in store.list() if d.year == int(column[:4])]
        errors = sum(d.errors for d in docs if d.organisation in cell)
        warnings = sum(d.warnings for d in docs if d.organisation in cell)
        expected = "有错误" if errors else ("需复核" if warnings else "已检查 · 无错误和警告")
        assert expected in cell, (dep, cell)


def test_a_unit_publication_under_the_department_name_is_its_own_unit(web):
    web.post("/orgs/list", files={"list": ("名录.csv", LIST_CSV.encode("utf-8"), "text/csv")})
    upload_all(web, PDF / "putuo-govoffice-2025-unit-budget.pdf")
    from yusuan.store.orgs import OWN_UNIT, load_tree, overview

    store = web.app.state.store
    office = dict(overview(load_tree(store), store.list()).departments)["上海市普陀区人民政府办公室"][(2025, "budget")]
    assert not office.published and list(office.units) == [OWN_UNIT] and office.listed_uploaded == 0
    assert "另有部门本级（机关）的单位预算" in web.get("/orgs").text


def test_zip_bombs_and_paths_out_of_the_archive_are_refused(web):
    bomb = zip_of({"bomb.txt": b"0" * (5 * 1024 * 1024)})  # compresses ~1000:1
    sneaky = zip_of({"../../etc/passwd.txt": b"x", "/abs/a.txt": b"x", "inner.zip": bomb})
    r = web.post("/orgs/upload", files=[("files", ("bomb.zip", bomb, "application/zip")),
                                        ("files", ("sneaky.zip", sneaky, "application/zip")),
                                        ("files", ("broken.zip", b"PK\x03\x04 not really", "application/zip"))])
    assert r.status_code == 200
    assert "疑似压缩炸弹" in r.text and "可能越出压缩包目录" in r.text and "绝对路径" in r.text
    assert "压缩包中的压缩包不展开" in r.text and "压缩包已损坏" in r.text
    assert web.app.state.store.list() == []


def test_checklists_of_a_year_download_as_one_zip(web):
    web.post("/orgs/list", files={"list": ("名录.csv", LIST_CSV.encode("utf-8"), "text/csv")})
    for name in ("putuo-govoffice-2025-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf"):
        web.post("/orgs/upload", files={"files": (name, (PDF / name).read_bytes(), "application/pdf")})
    r = web.get("/orgs/checklists.zip", params={"year": 2025, "department": "上海市普陀区人民政府办公室"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert len(names) == 2 and all(n.endswith("公开情况检查表.xlsx") for n in names)
    assert {"部门预算", "单位预算"} == {n.split("-")[2] for n in names}
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert zf.read(names[0])[:2] == b"PK"
    assert web.get("/orgs/checklists.zip", params={"year": 2019}).status_code == 404


def test_a_list_without_a_department_column_is_refused_in_chinese(web):
    r = web.post("/orgs/list", files={"list": ("x.csv", "名称\n甲\n".encode(), "text/csv")})
    assert "缺少“部门”列" in r.text


def test_zip_names_from_chinese_windows_are_read_as_gbk():
    from yusuan.web.archive import zip_members

    gbk = "民政局/阳泉市民政局.txt".encode("gbk")
    placeholder = b"x" * (len(gbk) - 4) + b".txt"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(placeholder.decode(), "内容".encode())
    data = buf.getvalue().replace(placeholder, gbk)  # GBK bytes, no UTF-8 flag: as WinRAR on a Chinese PC
    members, refused = zip_members(data, member_limit=1 << 20, total_limit=1 << 20, suffixes=frozenset({".txt"}))
    assert [m.name for m in members] == ["阳泉市民政局.txt"] and refused == []
