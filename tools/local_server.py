"""A built site on 127.0.0.1, for the browser tests and the screenshot tool: Python's http.server,
or Debian's nginx with the server block the build generates."""

from __future__ import annotations

import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a page mid-download is normal, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


def serve(directory: Path) -> LocalServer:
    """Serve `directory` on a free port in a background thread; call .shutdown() when done."""
    server = LocalServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on, for a server started by another process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or "" while the server is not answering (starting, rebuilding)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


# --- nginx ------------------------------------------------------------------------------------

NGINX = "/usr/sbin/nginx"
# Debian's libnginx-mod-http-brotli-static, which the generated server block uses.
BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


class Nginx:
    """Debian's nginx on 127.0.0.1, serving a built site with the server block the build generated,
    as a vendor would install it: only `listen` and `root` change."""

    def __init__(self, site: Path, workdir: Path) -> None:
        if not Path(NGINX).exists() or not Path(BROTLI_STATIC).exists():
            raise RuntimeError("Debian's nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static (`./portal test` does it as root)")
        self.port = free_port()
        workdir.mkdir(parents=True, exist_ok=True)
        generated = (site / ".hosting" / "nginx.conf").read_text(encoding="utf-8")
        server = re.sub(r"^(\s*)listen 80;$", rf"\1listen 127.0.0.1:{self.port};", generated, flags=re.MULTILINE)
        server = re.sub(r"^\s*listen \[::\]:80;\n", "", server, flags=re.MULTILINE)
        server = re.sub(r"^(\s*)root [^;]+;$", rf"\1root {site};", server, flags=re.MULTILINE)
        (workdir / "portal.conf").write_text(server, encoding="utf-8")
        temp = "\n".join(f"  {name}_temp_path {workdir / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # As root, nginx hands requests to workers running as `nobody`, who cannot read a test's
        # private temporary folder; the workers keep our user instead.
        user = "user root root;" if os.geteuid() == 0 else ""
        (workdir / "nginx.conf").write_text(
            f"""daemon off;
{user}
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
load_module {BROTLI_STATIC};
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
  include {workdir / "portal.conf"};
}}
""",
            encoding="utf-8",
        )
        self.process = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf")], stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while not _answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"nginx did not start: {self.process.stderr.read() if self.process.stderr else ''}")
            time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False
