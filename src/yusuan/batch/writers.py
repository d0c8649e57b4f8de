"""Writing rows as CSV and Parquet, streamed, with the same columns and the same order in both.

CSV: UTF-8 with a byte-order mark (Excel opens Chinese text correctly), empty cell for no value.
Parquet: amounts as exact decimal strings (never float); integers as int64; written in row groups
of a fixed size, so the same rows always give the same bytes, however the batch ran.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Iterable

from .columns import Col

ROW_GROUP = 50_000
CSV_ENCODING = "utf-8-sig"


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


class RowsWriter:
    """Rows into `<stem>.csv` and (when pyarrow is installed) `<stem>.parquet`, then renamed into
    place together: a crash leaves the previous files, never half of new ones."""

    def __init__(self, folder: Path, stem: str, cols: tuple[Col, ...], parquet: bool = True) -> None:
        self.cols, self.names = cols, [c.name for c in cols]
        self.paths = [folder / f"{stem}.csv"] + ([folder / f"{stem}.parquet"] if parquet else [])
        self._tmp = [p.with_name(f".{p.name}.tmp") for p in self.paths]
        self._csv_file = self._tmp[0].open("w", encoding=CSV_ENCODING, newline="")
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(self.names)
        self._buf: list[dict] = []
        self._pq = None
        if parquet:
            import pyarrow.parquet as pq

            self._schema = arrow_schema(cols)
            self._pq = pq.ParquetWriter(self._tmp[1], self._schema, compression="zstd")
        self.count = 0

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._csv.writerow([_cell(row.get(n)) for n in self.names])
            self.count += 1
            if self._pq is not None:
                self._buf.append(row)
                if len(self._buf) >= ROW_GROUP:
                    self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buf and self._pq is not None:
            data = {n: [r.get(n) for r in self._buf] for n in self.names}
            self._pq.write_table(pa.Table.from_pydict(data, schema=self._schema))
            self._buf = []

    def close(self) -> list[Path]:
        self._csv_file.close()
        if self._pq is not None:
            self._flush()
            self._pq.close()
        for tmp, path in zip(self._tmp, self.paths):
            os.replace(tmp, path)
        return self.paths

    def __enter__(self) -> "RowsWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
            return
        self._csv_file.close()
        if self._pq is not None:
            self._pq.close()
        for tmp in self._tmp:
            tmp.unlink(missing_ok=True)


def arrow_schema(cols: tuple[Col, ...]):
    import pyarrow as pa

    kinds = {"string": pa.string(), "number": pa.string(), "integer": pa.int64(), "boolean": pa.bool_()}
    return pa.schema([pa.field(c.name, kinds[c.type]) for c in cols])


def parquet_available() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True
