"""An HTML page's ids, internal links and external references, to check anchors without a browser."""
from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """Ids, links and every element's attributes, to check anchors without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, dict[str, str]] = {}
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids[a["id"]] = {"tag": tag, **a}
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith("#"):
                self.external.append(a[key])


def page(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p
