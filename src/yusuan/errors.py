"""Errors a user sees: a Chinese message and an exit code, never a traceback."""
from __future__ import annotations


class YusuanError(Exception):
    """Base of every error shown to a user. `message` is Chinese; `exit_code` is the CLI's."""

    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InputError(YusuanError):
    """The input cannot be read as a disclosure (empty, binary, wrong type, encrypted …)."""

    exit_code = 2
    code = "input.unreadable"

    def __init__(self, message: str, *, code: str = "input.unreadable", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.code = code
