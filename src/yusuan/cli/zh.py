"""The command line's own words in Chinese: help panels, usage line, defaults, the help option.

Typer prints these in English and offers no setting for them; its module-level texts are set
when Typer imports the module that holds them (typer.rich_utils, which pulls in much of Rich: only
for help and usage errors), and the help option's text is replaced where Typer makes it.
"""
from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import PathFinder

from typer._click import core, formatting

HELP = "显示本帮助并退出。"
RICH_UTILS = "typer.rich_utils"
RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "查看帮助：[blue]'{command_path} {help_option}'[/]",
}


def _chinese_rich(module) -> None:
    for name, text in RICH_TEXTS.items():
        setattr(module, name, text)


class _ChineseOnImport(MetaPathFinder):
    """Finds typer.rich_utils as Python would, and sets the Chinese texts once it has run."""

    def find_spec(self, name, path, target=None):
        if name != RICH_UTILS:
            return None
        spec = PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            run = spec.loader.exec_module

            def exec_module(module) -> None:
                run(module)
                _chinese_rich(module)

            spec.loader.exec_module = exec_module
        return spec


if RICH_UTILS in sys.modules:
    _chinese_rich(sys.modules[RICH_UTILS])
else:
    sys.meta_path.insert(0, _ChineseOnImport())

_write_usage = formatting.HelpFormatter.write_usage
_help_option = core.Command.get_help_option


def _usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
    _write_usage(self, prog, args, "用法：" if prefix is None else prefix)


def _help(self, ctx):
    option = _help_option(self, ctx)
    if option is not None:
        option.help = HELP
    return option


formatting.HelpFormatter.write_usage = _usage  # type: ignore[method-assign]
core.Command.get_help_option = _help  # type: ignore[method-assign]

# Usage errors: Typer words them in English; the leading phrases are turned into Chinese (the
# offending option or value itself stays as typed).
from typer._click import exceptions  # noqa: E402

PHRASES = (("Invalid value for ", "参数值无效："), ("Invalid value: ", "参数值无效："),
           ("Missing argument ", "缺少参数 "), ("Missing option ", "缺少选项 "), ("Missing parameter: ", "缺少参数："),
           ("No such option: ", "没有这个选项："), ("(Possible options: ", "（可用的选项："),
           ("Got unexpected extra argument", "多余的参数"), ("Value error, ", ""), ("is not one of", "不是以下之一："))


def _chinese(method):
    def format_message(self) -> str:
        text = method(self)
        for english, chinese in PHRASES:
            text = text.replace(english, chinese)
        return text
    return format_message


for _cls in (exceptions.UsageError, exceptions.BadParameter, exceptions.MissingParameter, exceptions.NoSuchOption):
    _cls.format_message = _chinese(_cls.format_message)  # type: ignore[method-assign]
