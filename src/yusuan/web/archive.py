"""The files inside an uploaded ZIP, read with care: a ZIP bomb (members that expand far beyond
their compressed size or past the upload limit), names that climb out of the archive (``../``,
absolute paths) and archives inside archives are refused; nothing is written to disk."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import InputError

MAX_MEMBERS = 1000
MAX_RATIO = 100  # a real PDF or Office file compresses a few times at most, never a hundred
CHUNK = 1 << 16


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes


@dataclass(frozen=True)
class Refused:
    name: str
    reason: str  # Chinese


def _name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author typed it: ZIPs from Chinese Windows store GBK without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _unsafe(name: str) -> str | None:
    p = PurePosixPath(name.replace("\\", "/"))
    if p.is_absolute() or (p.parts and p.parts[0].endswith(":")):
        return "绝对路径，已拒绝"
    if ".." in p.parts:
        return "路径含“..”，可能越出压缩包目录，已拒绝"
    return None


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, counted as they expand (the header's sizes can lie)."""
    out = io.BytesIO()
    with zf.open(info) as f:
        while chunk := f.read(CHUNK):
            out.write(chunk)
            if out.tell() > limit or out.tell() > MAX_RATIO * max(info.compress_size, 1) + CHUNK:
                raise InputError("展开后过大（疑似压缩炸弹）", code="upload.zip_bomb")
    return out.getvalue()


def zip_members(data: bytes, *, member_limit: int, total_limit: int, suffixes: frozenset[str]) -> tuple[list[Member], list[Refused]]:
    """The readable members (by suffix) and every member refused or skipped, with the reason."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError("压缩包已损坏，无法打开。", code="upload.bad_zip") from exc
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"压缩包内文件过多（{len(infos)} 个，上限 {MAX_MEMBERS} 个）。", code="upload.zip_too_many")
    members, refused, total = [], [], 0
    for info in infos:
        name = _name(info)
        why = _unsafe(name)
        suffix = PurePosixPath(name).suffix.lower()
        if why is None and suffix == ".zip":
            why = "压缩包中的压缩包不展开，请解压后上传"
        elif why is None and suffix not in suffixes:
            why = "不是预算公开文件（.pdf/.docx/.xlsx/.xls/.ods/.txt），已跳过"
        if why:
            refused.append(Refused(name, why))
            continue
        try:
            body = _read(zf, info, min(member_limit, total_limit - total))
        except InputError as exc:
            refused.append(Refused(name, exc.message))
            continue
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError) as exc:  # encrypted, damaged, odd method
            refused.append(Refused(name, f"无法解压（{exc}）"))
            continue
        total += len(body)
        members.append(Member(PurePosixPath(name.replace("\\", "/")).name, body))
    return members, refused
