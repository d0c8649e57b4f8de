"""The upload page's storing of files: together (halves of one publication joined), each named in
a Chinese message; if one cannot be read, each on its own so the others are kept."""
from __future__ import annotations

from ..errors import YusuanError
from ..store.parts import ingest_files


def store_uploads(store, uploads: list[tuple[str, bytes]], user: str) -> list[tuple[str, str, int | None]]:
    """Store the files together (halves of one publication joined); if one cannot be read, each
    file on its own, so the others are kept and the bad one is named."""
    try:
        return [_stored_message(doc) for doc in ingest_files(store, uploads, user=user)] if uploads else []
    except YusuanError:
        pass
    messages = []
    for name, data in uploads:
        try:
            messages.append(_stored_message(store.ingest(name, data, user=user)))
        except YusuanError as exc:
            messages.append(("error", f"{name}：{exc.message}", None))
    return messages


def _stored_message(doc) -> tuple[str, str, int | None]:
    note = "已保存" if doc.created else "已存在（相同文件不重复保存）"
    return ("ok", f"{doc.filename}：{note}，错误 {doc.errors} 条，警告 {doc.warnings} 条", doc.id)
