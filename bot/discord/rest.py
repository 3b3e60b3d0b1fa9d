"""How the bot's REST requests behave under load and faults: paced, and retried inside their deadline.

discord.py paces each route bucket from the ``X-RateLimit-*`` headers, but not Discord's *global*
limit (50 requests a second for the whole bot): a flood of replies to many channels all go out at
once, all get a global 429, all sleep the same ``retry_after`` and all retry together — several
429s per reply. And it retries a server error only after 1, 3, 5, 7 s (and a 503 on a bot route
not at all), while an interaction must be answered within 3 s of its creation.

:class:`RestPolicy` is an aiohttp client middleware on discord.py's session, so it sees every
attempt of every request, interaction callbacks and webhooks included:

- **pacing** — requests bound by the global limit take a token from a :class:`Pacer` (a token
  bucket a little under the limit); interaction callbacks and webhooks are exempt on Discord and
  here;
- **retries** — unless the caller asked for a :func:`single_attempt` (a scheduled post, which has
  its own exactly-once recovery), a 5xx or a connection error is retried after 0.1, 0.2, 0.4 … s while the next
  attempt still fits the request's deadline: 3 s from the interaction's creation (read from its
  snowflake id) for an interaction callback, :attr:`RestPolicy.budget` seconds otherwise. After
  that discord.py sees the last answer and does what it always does.

Why a private hook (``HTTPClient.__session``), checked against discord.py 2.7 and aiohttp 3.14:
discord.py's public options are ``connector=`` (used: the bounded connection pool, see
``PerezBot.login``) and ``http_trace=`` (an aiohttp ``TraceConfig``). A trace's callbacks only
*observe*: ``on_request_start`` could delay a request (pacing) but cannot retry it or replace its
answer, and it fires once per request, before aiohttp's middlewares, so attempts retried here
would go out unpaced. Retrying needs a client middleware, and discord.py builds its
``ClientSession`` itself (in ``HTTPClient.static_login``) without a ``middlewares=`` argument:
there is no public way to give it one. discord.py's own retries don't fit a 3 s window: 1, 3, 5,
7 s apart (``HTTPClient.request`` and the webhook adapter that sends interaction responses), and
on bot routes a 503 is not retried at all. So :func:`install` appends the middleware to that one
session, and an end-to-end test (``tests/e2e/test_chaos.py``) fails if a discord.py upgrade
renames the session or builds another one that bypasses it.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import re
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import aiohttp

__all__ = ["RETRY_STATUSES", "Pacer", "RestPolicy", "deadline_for", "install", "single_attempt"]

log = logging.getLogger("perezbot.rest")

RETRY_STATUSES = frozenset({500, 502, 503, 504, 520, 522, 524})
DISCORD_EPOCH = 1_420_070_400.0  # seconds: the zero of snowflake timestamps
INTERACTION_WINDOW = 3.0  # Discord's limit for the first response to an interaction
_CALLBACK = re.compile(r"/interactions/(\d+)/[^/]+/callback$")
_EXEMPT = re.compile(r"/(interactions|webhooks)/")  # not bound by the global limit on Discord

_SINGLE: contextvars.ContextVar[bool] = contextvars.ContextVar("perezbot_rest_single_attempt", default=False)


@contextlib.contextmanager
def single_attempt() -> Iterator[None]:
    """Requests made inside the block are not retried here (discord.py still does what it does)."""
    token = _SINGLE.set(True)
    try:
        yield
    finally:
        _SINGLE.reset(token)


Handler = Callable[[aiohttp.ClientRequest], Awaitable[aiohttp.ClientResponse]]


class Pacer:
    """At most ``limit`` requests in any ``window`` seconds, evenly spaced, counted when they leave.

    A sliding log of actual send times rather than a schedule computed in advance: a task that
    wakes late (a busy loop) checks again instead of going out together with the ones after it;
    and sends are spaced ``window / limit`` apart, since a burst reaches Discord bunched up (new
    connections, the network) and a fixed window there can then count more than were sent in any
    second here. 40 a second leaves Discord's global 50 a margin.
    """

    def __init__(self, limit: int = 40, window: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self.spacing = window / limit
        self._sent: deque[float] = deque()

    def delay(self) -> float:
        """Record a send now and return 0 if allowed; else how long to wait before asking again."""
        now = self._clock()
        while self._sent and self._sent[0] <= now - self.window:
            self._sent.popleft()
        if self._sent and now - self._sent[-1] < self.spacing:
            return self._sent[-1] + self.spacing - now
        if len(self._sent) < self.limit:
            self._sent.append(now)
            return 0.0
        return self._sent[0] + self.window - now

    async def acquire(self) -> None:
        while (wait := self.delay()) > 0:
            await asyncio.sleep(wait)


def deadline_for(path: str, now: float, budget: float) -> float:
    """When the last attempt of a request to ``path`` must start (wall-clock seconds).

    An interaction callback must land within 3 s of the interaction's creation, which its id
    records; everything else gets ``budget`` seconds from ``now``.
    """
    if match := _CALLBACK.search(path):
        created = ((int(match[1]) >> 22) / 1000.0) + DISCORD_EPOCH
        return min(created + INTERACTION_WINDOW - 0.25, now + INTERACTION_WINDOW)
    return now + budget


class RestPolicy:
    """The middleware: pace what the global limit binds, retry 5xx and broken connections in time."""

    def __init__(
        self,
        pacer: Pacer | None = None,
        *,
        budget: float = 8.0,
        first_delay: float = 0.1,
        max_delay: float = 2.0,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.pacer = pacer or Pacer()
        self.budget, self.first_delay, self.max_delay = budget, first_delay, max_delay
        self._wall = wall
        self.retried: Counter[str] = Counter()  # "503", "connection", … (for tests and logs)

    async def __call__(self, request: aiohttp.ClientRequest, handler: Handler) -> aiohttp.ClientResponse:
        path = request.url.path
        paced = _EXEMPT.search(path) is None
        deadline = deadline_for(path, self._wall(), self.budget) if not _SINGLE.get() else 0.0
        delay = self.first_delay
        while True:
            if paced:  # time spent waiting for the pace is not time spent failing: extend the deadline
                waited_from = self._wall()
                await self.pacer.acquire()
                deadline += self._wall() - waited_from
            try:
                response = await handler(request)
            except (TimeoutError, aiohttp.ClientConnectionError) as exc:
                if self._wall() + delay > deadline:
                    raise
                self._note("connection", request, f"{type(exc).__name__}", delay)
            else:
                if response.status not in RETRY_STATUSES or self._wall() + delay > deadline:
                    return response
                self._note(str(response.status), request, f"answered {response.status}", delay)
                response.release()
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.max_delay)

    def _note(self, kind: str, request: aiohttp.ClientRequest, what: str, delay: float) -> None:
        self.retried[kind] += 1
        log.info("%s %s %s; retrying in %.1f s", request.method, _route(request.url.path), what, delay)


def _route(path: str) -> str:
    """The path with tokens hidden (an interaction token is a credential for 15 minutes)."""
    return re.sub(r"/(interactions/\d+|webhooks/\d+)/[^/]+", r"/\1/…", path)


def install(http: Any, policy: RestPolicy) -> RestPolicy:
    """Put ``policy`` on discord.py's HTTP session (after login, which creates it); returns it.

    discord.py builds its aiohttp session itself and offers no parameter for middlewares (the
    module docstring says why ``http_trace`` cannot do this instead); the session is the
    name-mangled ``HTTPClient.__session`` that discord.py's interactions and webhooks use too.
    """
    session: aiohttp.ClientSession = http._HTTPClient__session
    session._middlewares = (*session._middlewares, policy)
    return policy
