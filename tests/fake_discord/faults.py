r"""Fault injection for the fake Discord's REST side: server errors, slow answers, real rate limits.

Off by default. Set ``fake.faults = Faults(...)`` before or while the bot runs::

    fake.faults = Faults(error_rate=0.2)                      # 20 % of requests answered 5xx (not applied)
    fake.faults = Faults(lost_rate=0.1)                       # applied, but the answer is a 503 (outcome unknown)
    fake.faults = Faults(lost_rate=1.0, lost_max=1)           # … only the first one
    fake.faults = Faults(slow=0.5, slow_rate=0.3)             # 30 % of answers 0.5 s late
    fake.faults = Faults(limits=RateLimits())                 # Discord's buckets, headers and 429s
    fake.faults = Faults(error_rate=1.0, routes=r"GET /users/@me")  # only what matches ``routes``

Rate limits behave like Discord's: each route has a bucket per major parameter (channel, webhook
token) with ``X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket`` headers on every answer; past
the limit the answer is a 429 with ``retry_after`` in the body, ``Retry-After`` and
``X-RateLimit-Scope``; a global limit (requests per second for the whole bot) applies to
everything but the interaction endpoints (callbacks, and follow-ups through the interaction's
webhook, which have their own per-token bucket), as on Discord. Every answer carries ``Via`` (discord.py
treats a 429 without it as a Cloudflare ban). What was injected is counted in :attr:`Faults.counts`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

__all__ = ["Faults", "RateLimits"]

JSON = "application/json"

# (method, path regex, bucket name, the group that is the major parameter or None)
_ROUTES: tuple[tuple[str, str, str, int | None], ...] = (
    ("POST", r"/channels/(\d+)/messages", "channel-messages", 1),
    ("PATCH", r"/channels/(\d+)/messages/\d+", "channel-message-edit", 1),
    ("DELETE", r"/channels/(\d+)/messages/\d+", "channel-message-delete", 1),
    ("GET", r"/channels/(\d+)/messages(?:/\d+)?", "channel-history", 1),
    ("POST", r"/channels/(\d+)/typing", "typing", 1),
    ("POST", r"/interactions/\d+/([^/]+)/callback", "interaction-callback", 1),
    ("*", r"/webhooks/\d+/([^/]+)(?:/messages/.*)?", "webhook", 1),
    ("*", r"/.*", "other", None),
)


@dataclass
class RateLimits:
    """Discord-like limits: ``(requests, per seconds)`` per bucket, and a global requests-per-second cap."""

    buckets: dict[str, tuple[int, float]] = field(
        default_factory=lambda: {
            "channel-messages": (5, 5.0),
            "channel-message-edit": (5, 5.0),
            "channel-message-delete": (5, 5.0),
            "channel-history": (5, 5.0),
            "typing": (5, 5.0),
            "webhook": (5, 2.0),
            "interaction-callback": (5, 1.0),
            "other": (20, 1.0),
        }
    )
    global_per_second: int | None = 50
    clock: Callable[[], float] = time.time
    _windows: dict[tuple[str, str], tuple[float, int]] = field(default_factory=dict)  # key -> (resets at, used)

    @staticmethod
    def bucket_of(method: str, path: str) -> tuple[str, str]:
        for route_method, pattern, name, group in _ROUTES:
            if route_method in ("*", method) and (match := re.fullmatch(pattern, path)):
                return name, (match[group] if group is not None else "")
        return "other", ""  # pragma: no cover - the last route matches everything

    def _take(self, key: tuple[str, str], limit: int, per: float, now: float) -> tuple[int, float, bool]:
        """Use one request of ``key``'s window: (remaining, seconds to reset, allowed)."""
        resets_at, used = self._windows.get(key, (0.0, 0))
        if now >= resets_at:
            resets_at, used = now + per, 0
        if used >= limit:
            return 0, resets_at - now, False
        self._windows[key] = (resets_at, used + 1)
        return limit - used - 1, resets_at - now, True

    def check(self, method: str, path: str) -> tuple[dict[str, str], dict | None]:
        """Headers for the answer, and the body of a 429 when the request is over a limit (else None)."""
        now = self.clock()
        name, major = self.bucket_of(method, path)
        limit, per = self.buckets.get(name, (20, 1.0))
        if self.global_per_second is not None and name not in ("interaction-callback", "webhook"):
            _, reset_after, allowed = self._take(("global", ""), self.global_per_second, 1.0, now)
            if not allowed:
                retry = round(reset_after, 3)
                headers = {"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"}
                headers["Retry-After"] = str(math.ceil(retry))
                return headers, _limited(retry, is_global=True)
        remaining, reset_after, allowed = self._take((name, major), limit, per, now)
        headers = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": f"{now + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": hashlib.sha1(name.encode()).hexdigest()[:16],
        }
        if allowed:
            return headers, None
        retry = round(reset_after, 3)
        headers.update({"X-RateLimit-Scope": "user", "Retry-After": str(math.ceil(retry))})
        return headers, _limited(retry, is_global=False)


@dataclass
class Faults:
    """What to inject into REST answers; ``routes`` (a regex on ``"METHOD /path"``) limits it to some requests."""

    error_rate: float = 0.0  # share answered 5xx *before* the request is applied (safe to retry)
    error_statuses: tuple[int, ...] = (500, 502, 503, 504)
    lost_rate: float = 0.0  # share applied and then answered 503: the caller cannot know it happened
    lost_max: int | None = None  # lose at most this many (then answer truthfully)
    slow: float = 0.0  # seconds added to a slowed answer
    slow_rate: float = 1.0  # share of answers slowed when ``slow`` > 0
    limits: RateLimits | None = None
    routes: str = r".*"
    seed: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # "5xx", "lost", "slow", "429", "429-global"
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def applies(self, method: str, path: str) -> bool:
        return re.fullmatch(self.routes, f"{method} {path}") is not None

    async def before(self, method: str, path: str) -> web.Response | dict[str, str]:
        """An injected answer instead of the real one (a 5xx or a 429), or the headers to add to the real one."""
        if not self.applies(method, path):
            return {}
        if self.slow > 0 and self._rng.random() < self.slow_rate:
            self.counts["slow"] += 1
            await asyncio.sleep(self.slow)
        if self.error_rate and self._rng.random() < self.error_rate:
            status = self._rng.choice(self.error_statuses)
            self.counts["5xx"] += 1
            return _json({"message": "Service Unavailable", "code": 0}, status)
        if self.limits is not None:
            headers, limited = self.limits.check(method, path)
            if limited is not None:
                self.counts["429-global" if limited["global"] else "429"] += 1
                return _json(limited, 429, headers)
            return headers
        return {}

    def after(self, method: str, path: str, response: web.Response, headers: dict[str, str]) -> web.Response:
        """The real answer with ``headers``, or a 503 although it was applied (``lost_rate``)."""
        lose = self.lost_rate and 200 <= response.status < 300 and self.applies(method, path)
        lose = lose and (self.lost_max is None or self.counts["lost"] < self.lost_max)
        if lose and self._rng.random() < self.lost_rate:
            self.counts["lost"] += 1
            return _json({"message": "Service Unavailable", "code": 0}, 503)
        response.headers.update(headers)
        return response


def _limited(retry_after: float, *, is_global: bool) -> dict:
    return {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global, "code": 0}


def _json(data: dict, status: int, headers: dict[str, str] | None = None) -> web.Response:
    response = web.Response(status=status, body=json.dumps(data).encode(), headers=headers or {})
    response.content_type = JSON  # exactly: discord.py parses JSON only for this content type
    return response
