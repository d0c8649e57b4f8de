"""What the review pages compute once per stored document and keep in memory: the source index,
the raw lines of text-like sources, and rendered page pictures (bounded by bytes, least recently
used first out). A stored file never changes (one row per sha256), so nothing here goes stale."""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Hashable, TypeVar, cast

from .places import SourceIndex

if TYPE_CHECKING:
    from ..sources.page_image import PageImage

T = TypeVar("T")


class Lru:
    """A thread-safe LRU keyed by anything hashable, bounded by item count and by total size."""

    def __init__(self, max_items: int, max_bytes: int | None = None, size: Callable[[object], int] = lambda _: 0):
        self.max_items, self.max_bytes, self._size = max_items, max_bytes, size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]
        value = make()  # outside the lock: rendering takes a while, other keys need not wait
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self._bytes += self._size(value)
                self._evict()
        return value

    def _evict(self) -> None:
        while self._items and (len(self._items) > self.max_items
                               or (self.max_bytes is not None and self._bytes > self.max_bytes)):
            _, old = self._items.popitem(last=False)
            self._bytes -= self._size(old)

    def __len__(self) -> int:
        return len(self._items)


class ReviewCache:
    """Per-app caches for the page-beside-finding view."""

    def __init__(self) -> None:
        self.indexes = Lru(16)
        self.raw_lines = Lru(4)
        self.images = Lru(400, 64 * 1024 * 1024, size=lambda img: len(cast("PageImage", img).png))

    def index(self, store, doc) -> SourceIndex:
        return self.indexes.get(doc.sha256, lambda: SourceIndex.of(store.disclosure(doc.id)))

    def lines(self, store, doc):
        """The raw lines of a text, DOCX or XLSX source (read again from the stored file)."""
        def read():
            from ..sources.detect import read_source

            filename, content = store.content(doc.id)
            return read_source(Path(Path(filename).name), data=content).lines

        return self.raw_lines.get(doc.sha256, read)

    def page(self, store, doc, page: int, zoom: int, finding: str, boxes: Callable[[], tuple]) -> PageImage:
        """Page `page` with the boxes of `finding` drawn (computed only when not cached)."""
        def render():
            from ..sources.page_image import render_page

            _, content = store.content(doc.id)
            return render_page(content, page, scale=ZOOM_SCALE[zoom], boxes=boxes())

        return self.images.get((doc.sha256, page, zoom, finding), render)


# Pixels per PDF point at each zoom step (1: fits the panel, 2 and 3: closer).
ZOOM_SCALE = {1: 1.5, 2: 2.25, 3: 3.0}


def review_cache(app) -> ReviewCache:
    cache = getattr(app.state, "review_cache", None)
    if cache is None:
        cache = app.state.review_cache = ReviewCache()
    return cache
