"""The only way WeasyPrint may load anything: files under briefgen's assets and templates, or
`data:` URLs. Everything else (http, https, ftp, `file:` outside those folders) is refused, logged
and skipped, so text in a pack can never make a build read a local file or call the network.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from briefgen.pack.wording import assets_dir, templates_dir

LOGGER = logging.getLogger("briefgen.render")

# Fonts are what WeasyPrint fetches most; mimetypes does not know every font suffix everywhere.
_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


class RefusedURL(ValueError):
    """A URL the fetcher will not open; WeasyPrint logs it and renders without the resource."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serve files under `roots` (default: the assets and templates folders) and `data:` URLs.

    Paths are resolved (symlinks and `..` included) before they are checked, so a link or a
    relative path cannot step outside the roots. `refused` lists every URL turned away.
    """

    def __init__(self, roots: Iterable[Path] | None = None) -> None:
        # Only data: reaches urllib (DataHandler, no I/O); file: is read here, never by urllib.
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)
        chosen = roots if roots is not None else (assets_dir(), templates_dir())
        self.roots: tuple[Path, ...] = tuple(Path(root).resolve() for root in chosen)
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self.allowed_path(url)
            if path is not None:
                self.served.append(url)
                content_type = _TYPES.get(path.suffix.lower()) or (
                    mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                )
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        self.refused.append(url)
        LOGGER.warning("refused to load %s: briefgen only loads its own assets", url[:200])
        raise RefusedURL(f"briefgen loads only its own assets, not {url[:200]}")

    def allowed_path(self, url: str) -> Path | None:
        """The file a `file:` `url` names, if it exists inside one of the roots; else None."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        try:
            path = Path(url2pathname(parts.path)).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        if any(path.is_relative_to(root) for root in self.roots):
            return path
        return None
