"""Pure answers per phrase, kept for the process: speakers repeat within and across articles
("officials", "the ministry"), and their normal form and tokens depend on nothing else. Each
memo is bounded, so that no input can grow it for ever.
"""

from __future__ import annotations

from collections.abc import Callable

from claims.extraction.names import _tokens
from claims.extraction.phrases import normalize

_MAX = 20_000
_TOKENS: dict[str, frozenset[str]] = {}
_NORMAL: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[str, str]] = {}


def _remember(memo: dict, key, value):
    if len(memo) >= _MAX:
        memo.clear()
    memo[key] = value
    return value


def tokens(np: str) -> frozenset[str]:
    """``names._tokens``, memoised."""
    found = _TOKENS.get(np)
    return found if found is not None else _remember(_TOKENS, np, _tokens(np))


def normalized(
    np: str,
    appositive: str,
    acronyms: dict[str, str],
    acronyms_key: tuple[tuple[str, str], ...],
    spelled_out: Callable[[str], str],
) -> tuple[str, str]:
    """``phrases.normalize``, memoised by the phrase and the article's acronyms
    (``acronyms_key``: its items); an answer that asked ``spelled_out`` (which reads the
    article's entities) is not kept."""
    key = (np, appositive, acronyms_key)
    found = _NORMAL.get(key)
    if found is not None:
        return found
    asked: list[str] = []

    def spelled(acronym: str) -> str:
        asked.append(acronym)
        return spelled_out(acronym)

    found = normalize(np, appositive, acronyms, spelled)
    return found if asked else _remember(_NORMAL, key, found)


def forget() -> None:
    """Empty every per-process memo of the package (this module's and the ``lru_cache`` of
    the pure phrase tests), as a fresh worker process starts. For measurements: the speed of
    an article whose phrases were never seen before."""
    from claims.extraction import names, relays, victims

    _TOKENS.clear()
    _NORMAL.clear()
    for fn in (
        names._person_noun,
        names._lowerish,
        names._is_name,
        names._orgish,
        names._is_proper,
        relays._is_media,
        victims.victim_group,
    ):
        fn.cache_clear()
