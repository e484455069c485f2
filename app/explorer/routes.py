"""The explorer's pages as data: key, script, Vietnamese title, URL path, icon.

Every page that shows one directive reads it from the ``id`` query parameter, so a
link such as ``van-ban?id=vn/national/tw/nq/2018/35`` is shareable.

>>> url("directive", "vn/national/tw/nq/2018/35")
'van-ban?id=vn%2Fnational%2Ftw%2Fnq%2F2018%2F35'
>>> url("search", q="Nghị quyết 35")
'./?q=Ngh%E1%BB%8B+quy%E1%BA%BFt+35'
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

__all__ = ["Route", "ROUTES", "route", "url"]


@dataclass(frozen=True, slots=True)
class Route:
    """One page: ``script`` is relative to ``main.py``; ``icon`` empty: an icon font or emoji font may be missing offline."""

    key: str
    script: str
    title: str
    url_path: str
    icon: str


ROUTES: tuple[Route, ...] = (
    Route("search", "views/search.py", "Tìm kiếm", "tim-kiem", ""),
    Route("directive", "views/directive.py", "Văn bản", "van-ban", ""),
    Route("cascade", "views/cascade.py", "Cây thực hiện", "cay-thuc-hien", ""),
    Route("chain", "views/chain.py", "Chuỗi", "chuoi", ""),
    Route("coverage", "views/coverage.py", "Độ phủ", "do-phu", ""),
    Route("corpus", "views/corpus.py", "Kho dữ liệu", "kho-du-lieu", ""),
)

_BY_KEY = {r.key: r for r in ROUTES}


def route(key: str) -> Route:
    """The route of a page key; the message lists the keys allowed.

    >>> route("cascade").title
    'Cây thực hiện'
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown page {key!r}; pages: {', '.join(_BY_KEY)}") from None


def url(key: str, id: str | None = None, **params: str) -> str:
    """A relative URL of a page with its query parameters (the search page is the default, ``./``)."""
    r = route(key)
    if id and not params:  # the common case, kept cheap: tables link every row
        return f"{r.url_path}?id={quote(id, safe='')}"
    query = {"id": id} if id else {}
    query.update({k: v for k, v in params.items() if v})
    base = "./" if r.key == "search" else r.url_path
    return f"{base}?{urlencode(query)}" if query else base
