"""``yusuan serve``: the web app; ``--demo`` shows the bundled sample in a store of its own."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from .root import app, err


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
    port: int = typer.Option(8000, "--port", help="端口"),
    data: Optional[Path] = typer.Option(None, "--data", help="数据目录（默认：用户数据目录；也可设 YUSUAN_DATA_DIR）"),
    auth: bool = typer.Option(False, "--auth", help="上传、接受发现和删除需要登录"),
    demo: bool = typer.Option(False, "--demo", help="演示模式：使用单独的演示库并载入随附示例，不碰正式文档库"),
    _no_sample: bool = typer.Option(False, "--no-sample", hidden=True, help="旧选项：正式库本来就不载入示例"),
    max_upload_mb: int = typer.Option(50, "--max-upload-mb", help="单个上传文件的大小上限（MB）"),
    max_pages: int = typer.Option(300, "--max-pages", help="上传 PDF 的页数上限"),
    login_failures: int = typer.Option(5, "--login-failures", min=0,
                                       help="同一用户名 15 分钟内允许的登录失败次数，超过即暂时锁定（0 为不限）"),
    address_failures: int = typer.Option(20, "--address-failures", min=0,
                                         help="同一地址 15 分钟内允许的登录失败次数（0 为不限）"),
    trusted_proxy: Optional[str] = typer.Option(
        None, "--trusted-proxy",
        help="受信任的反向代理地址（逗号分隔）：只采信来自这些地址的 X-Forwarded-For；默认一概不采信"),
) -> None:
    """启动网页应用和 API（默认本机单用户模式；--demo 为载入随附示例的演示模式）。"""
    import uvicorn

    from ..store import StoreConfig
    from ..web import WebConfig, create_app
    from ..web.serving import ServerOptions, server_config
    from ..web.throttle import LoginLimits

    upload_bytes = max_upload_mb * 1024 * 1024
    if data is not None:  # the audit (in the reading workers too) finds the imported 科目目录 there
        os.environ["YUSUAN_DATA_DIR"] = str(data)
    store = (StoreConfig(max_upload_bytes=upload_bytes, max_pages=max_pages) if data is None
             else StoreConfig(data_dir=data, max_upload_bytes=upload_bytes, max_pages=max_pages))
    login_limits = LoginLimits(per_user=login_failures, per_address=address_failures)
    application = create_app(WebConfig(store=store, auth=auth, demo=demo, login_limits=login_limits))
    mode = "（演示模式，载入随附示例）" if demo else ""
    err.print(f"yusuan 已启动{mode}：http://{host}:{port}/  数据库：{application.state.store.config.url}")
    uvicorn.Server(server_config(application, host, port, ServerOptions(trusted_proxy=trusted_proxy))).run()


@app.command("user-add")
def user_add(
    username: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option("reviewer", "--role", help="reviewer（审核员）或 viewer（查看者）"),
    data: Optional[Path] = typer.Option(None, "--data", help="数据目录"),
) -> None:
    """添加一个网页用户（密码从提示输入）。"""
    from ..store import StoreConfig, open_store
    from ..store.users import add_user

    password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    store = open_store(StoreConfig() if data is None else StoreConfig(data_dir=data))
    add_user(store, username, password, role)
    err.print(f"已添加用户 {username}（{role}）")
