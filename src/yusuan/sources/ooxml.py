"""Office Open XML packages (DOCX, XLSX) are ZIP files: check them before any library unpacks them.

A ZIP bomb declares or hides a huge uncompressed size. The declared sizes and compression ratios are
checked first (cheap: the central directory only), then every member is inflated in bounded chunks so
a member that lies about its size is caught before a reader trusts it.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from ..errors import InputError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ZipLimits:
    """max_total: all members together, uncompressed; max_ratio: uncompressed/compressed for a member
    larger than ratio_floor (real sheets and documents compress 5–30 times; a bomb 1000 times)."""

    max_total: int = 300 * 1024 * 1024
    max_members: int = 10_000
    max_ratio: float = 200.0
    ratio_floor: int = 2 * 1024 * 1024


def open_package(data: bytes, kind: str, limits: ZipLimits = ZipLimits()) -> zipfile.ZipFile:
    """The package as a ZipFile, after the bomb checks; `kind` (Word(DOCX)/Excel(XLSX)) names it in errors."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:  # NotImplementedError: a
        # damaged "version needed" field reads as a ZIP version Python does not support
        raise InputError(f"{kind} 文件已损坏或不完整，无法打开。", code="input.zip_corrupt", detail=str(exc)) from exc
    _check_declared(members, kind, limits)
    for member in members:
        _check_inflated(package, member, kind, limits)
    return package


def _check_declared(members: list[zipfile.ZipInfo], kind: str, limits: ZipLimits) -> None:
    total = sum(m.file_size for m in members)
    if len(members) > limits.max_members or total > limits.max_total:
        raise _bomb(kind, f"解压后 {total // 1048576} MB、{len(members)} 个部件，超过上限")
    for m in members:
        if m.file_size > limits.ratio_floor and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise _bomb(kind, f"部件 {m.filename} 压缩比异常（{m.file_size // max(m.compress_size, 1)} 倍）")


def _check_inflated(package: zipfile.ZipFile, member: zipfile.ZipInfo, kind: str, limits: ZipLimits) -> None:
    """Inflate one member without keeping it; stop at once when it outgrows what it declared."""
    if member.flag_bits & 0x1:  # ZIP encryption: Office never writes it (its own is an OLE file), so damage
        raise InputError(f"{kind} 文件的部件 {member.filename} 标记为加密（需要密码），文件可能已损坏，无法读取。",
                         code="input.office_encrypted")
    seen = 0
    try:
        with package.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                seen += len(chunk)
                if seen > member.file_size or seen > limits.max_total:
                    raise _bomb(kind, f"部件 {member.filename} 实际大小超过声明")
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(
            f"{kind} 文件已损坏（部件 {member.filename} 无法解压）。", code="input.zip_corrupt", detail=str(exc)
        ) from exc


def _bomb(kind: str, why: str) -> InputError:
    return InputError(f"{kind} 文件疑似“压缩炸弹”（{why}），已拒绝读取。", code="input.zip_bomb")
