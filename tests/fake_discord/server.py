r"""A small fake Discord on 127.0.0.1: REST (aiohttp) and a gateway websocket, recording everything.

Point an unmodified discord.py client at it with ``bot.discord.client.point_at(fake.api_base,
fake.gateway_url)`` (or the ``PEREZBOT_DISCORD_API`` / ``PEREZBOT_GATEWAY_URL`` environment for
``perezbot run``). Then drive the bot by injecting events (:meth:`FakeDiscord.dispatch`, or the
helpers :meth:`slash`, :meth:`autocomplete`, :meth:`press`, :meth:`say`) and read what it did from
:attr:`FakeDiscord.requests` (or wait for it with :meth:`wait_for_request`).

A request to a route the fake does not know gets a Discord-shaped 404 *and* lands in
:attr:`FakeDiscord.unknown`, which the test fixtures assert is empty, so gaps never pass silently.

Typical use (see ``tests/e2e/conftest.py`` for the fixtures ``fake``, ``make_bot``, ``running``)::

    guild2 = fake.add_guild("Marcha Cuenca")           # before the bot connects
    running = await make_bot(clock=..., sharded=True)   # fake.recommended_shards for /gateway/bot
    interaction = await fake.slash("ask", question="…", guild=guild2, locale="es-ES")
    body = (await fake.response_to(interaction)).json   # the interaction callback the bot posted
    await fake.say("@perezbot …", mentions=[fake.bot_user])           # MESSAGE_CREATE
    await fake.dispatch("GUILD_UPDATE", {...}, guild_id=guild2.id)   # any gateway event
    post = await fake.wait_for_request("POST", rf"/channels/{guild2.channel.id}/messages")
    fake.find("POST", r"/channels/\d+/messages")       # every matching request so far
    mark = fake.mark(); ...; fake.find(..., after=mark)  # only what came after the mark
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from tests.fake_discord.faults import Faults
from tests.fake_discord.payloads import FakeChannel, FakeGuild, FakeUser, iso_now, snowflake

__all__ = ["FakeDiscord", "GatewaySession", "Recorded"]

JSON = "application/json"  # exactly: discord.py parses JSON only for this content type


@dataclass
class Recorded:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. /channels/123/messages
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    status: int = 0
    at: float = field(default_factory=time.monotonic)  # when it arrived (chaos runs measure latency with it)

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} -> {self.status}>"


@dataclass
class GatewaySession:
    """One gateway session (survives a RESUME on a new socket)."""

    session_id: str
    shard: tuple[int, int]
    ws: web.WebSocketResponse | None = None
    seq: int = 0
    identify: dict = field(default_factory=dict)
    resumes: int = 0
    sent: list[dict] = field(default_factory=list)


def _response(data: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=json.dumps(data).encode(), content_type=JSON)


def _error(status: int, code: int, message: str) -> web.Response:
    return _response({"message": message, "code": code}, status)


class FakeDiscord:
    """REST + gateway. ``guilds`` are sent on IDENTIFY; add more before the bot connects."""

    API_PREFIX = "/api/v10"

    def __init__(self, *, token: str | None = None, guild_count: int = 1, recommended_shards: int = 1) -> None:
        self.token = token or "fake." + secrets.token_urlsafe(40)
        self.application_id = snowflake()
        self.bot_user = FakeUser("perezbot", bot=True, id=self.application_id)
        self.human = FakeUser("maria")
        self.guilds: list[FakeGuild] = [FakeGuild(self.bot_user, self.human) for _ in range(guild_count)]
        self.recommended_shards = recommended_shards
        self.require_sharding = False  # close IDENTIFY without a shard count > 1 with 4011
        self.requests: list[Recorded] = []
        self.unknown: list[Recorded] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.identifies: list[dict] = []
        self.commands: dict[str, list[dict]] = {}  # "global" or guild id -> last PUT payload
        self.messages: dict[int, dict] = {}  # message id -> payload (channel and webhook messages)
        self.originals: dict[str, int] = {}  # interaction token -> @original message id
        self.interactions: dict[str, dict] = {}  # token -> the interaction payload sent
        self.deferred: set[str] = set()  # tokens whose "thinking…" message no follow-up has replaced yet
        self.dm_channels: dict[int, FakeChannel] = {}  # DM channels the fake has used
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._ids = itertools.count(1)
        self._watched: list[asyncio.Task] = []
        self.faults: Faults | None = None  # fault injection for REST (tests/fake_discord/faults.py)
        # Fault knobs for scheduled posts: answer the next N channel posts / history reads with 503
        # (``post_failures_after`` makes the post exist anyway, as a 5xx after the write would).
        self.post_failures = 0
        self.post_failures_after = False
        self.history_failures = 0
        self.nonces: dict[tuple[int, str], int] = {}  # (channel, nonce) -> message id (enforce_nonce)

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_route("GET", "/", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._unknown_prefix)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for session in self.sessions.values():
            if session.ws is not None and not session.ws.closed:
                await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    def process_env(self, tmp: Path, **extra: str) -> dict[str, str]:
        """The environment of a ``perezbot run`` subprocess pointed at this fake, its data (and no
        ``.env``) inside ``tmp``; ``extra`` adds or overrides settings."""
        return {
            "PATH": os.environ.get("PATH", ""),
            "DISCORD_TOKEN": self.token,
            "PEREZBOT_DISCORD_API": self.api_base,
            "PEREZBOT_GATEWAY_URL": self.gateway_url,
            "PEREZBOT_DOTENV": str(tmp / "none.env"),
            "DATA_DIR": str(tmp / "data"),
            **extra,
        }

    @property
    def guild(self) -> FakeGuild:
        return self.guilds[0]

    def add_guild(self, name: str = "Otra comunidad", **kwargs: Any) -> FakeGuild:
        guild = FakeGuild(self.bot_user, self.human, name=name, **kwargs)
        self.guilds.append(guild)
        return guild

    # ------------------------------------------------------------------ waiting

    def watch(self, task: asyncio.Task) -> None:
        """Fail waits at once (instead of timing out) if ``task`` (e.g. the bot's gateway task) dies with an error."""
        self._watched.append(task)
        task.add_done_callback(lambda _t: asyncio.get_running_loop().create_task(self._notify()))

    def _check_watched(self) -> None:
        for task in self._watched:
            if task.done() and not task.cancelled() and task.exception() is not None:
                exc = task.exception()
                raise AssertionError(f"a watched task died while waiting: {exc!r}") from exc

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_until(self, predicate: Callable[[], Any], timeout: float = 3.0, what: str = "condition") -> Any:
        """Wait until ``predicate()`` is truthy (re-checked whenever a request or gateway frame arrives)."""

        async def waiter() -> Any:
            async with self._changed:
                while not (value := predicate()):
                    self._check_watched()
                    await self._changed.wait()
                return value

        try:
            return await asyncio.wait_for(waiter(), timeout)
        except TimeoutError:
            seen = "\n  ".join(repr(r) for r in self.requests[-15:])
            raise AssertionError(f"timed out waiting for {what}; last requests:\n  {seen}") from None

    def find(self, method: str, pattern: str, *, after: int = 0) -> list[Recorded]:
        """Recorded requests (from index ``after``) whose method matches and path fully matches ``pattern``."""
        rx = re.compile(pattern)
        return [r for r in self.requests[after:] if r.method == method and rx.fullmatch(r.path)]

    async def wait_for_request(self, method: str, pattern: str, *, after: int = 0, timeout: float = 3.0) -> Recorded:
        """The first request (from index ``after``) matching ``method`` and the path regex ``pattern``."""
        found = await self.wait_until(
            lambda: self.find(method, pattern, after=after), timeout, what=f"{method} {pattern}"
        )
        return found[0]

    def mark(self) -> int:
        """An index into :attr:`requests`: pass it as ``after`` to look only at what comes next."""
        return len(self.requests)

    # ------------------------------------------------------------------ gateway

    def _session_for_guild(self, guild_id: int | None) -> GatewaySession:
        live = [s for s in self.sessions.values() if s.ws is not None and not s.ws.closed]
        if not live:
            raise AssertionError("no live gateway session: is the bot connected?")
        if guild_id is None:
            return next((s for s in live if s.shard[0] == 0), live[0])
        for session in live:
            shard_id, count = session.shard
            if (guild_id >> 22) % count == shard_id:
                return session
        raise AssertionError(f"no live shard for guild {guild_id}")

    async def _send(self, session: GatewaySession, frame: dict) -> None:
        session.sent.append(frame)
        assert session.ws is not None
        await session.ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict, *, guild_id: int | None = None) -> None:
        """Send a DISPATCH (op 0) event to the shard that owns ``guild_id`` (shard 0 for DMs)."""
        session = self._session_for_guild(guild_id)
        session.seq += 1
        await self._send(session, {"op": 0, "t": event, "s": session.seq, "d": data})

    async def reconnect(self, guild_id: int | None = None) -> GatewaySession:
        """Ask the bot to reconnect (op 7); it should RESUME the same session on a new socket."""
        session = self._session_for_guild(guild_id)
        await self._send(session, {"op": 7, "d": None})
        return session

    async def wait_ready(self, shards: int = 1, timeout: float = 5.0) -> None:
        """Until ``shards`` sessions have identified and been sent READY."""
        await self.wait_until(lambda: len(self.identifies) >= shards, timeout, what=f"{shards} IDENTIFY")

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        session: GatewaySession | None = None
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op, data = frame.get("op"), frame.get("d")
            if op == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                session = await self._identify(ws, data)
            elif op == 6:
                session = await self._resume(ws, data)
            await self._notify()
        if session is not None and session.ws is ws:
            session.ws = None
        await self._notify()
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict) -> GatewaySession | None:
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        shard_id, count = data.get("shard") or (0, 1)
        if self.require_sharding and count < 2:
            await ws.close(code=4011, message=b"Sharding required.")
            return None
        self.identifies.append(data)
        session = GatewaySession(secrets.token_hex(16), (shard_id, count), ws=ws, identify=data)
        self.sessions[session.session_id] = session
        mine = [g for g in self.guilds if (g.id >> 22) % count == shard_id]
        ready = {
            "v": 10,
            "user": self.bot_user.self_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in mine],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "shard": [shard_id, count],
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
        }
        session.seq += 1
        await self._send(session, {"op": 0, "t": "READY", "s": session.seq, "d": ready})
        for guild in mine:
            session.seq += 1
            await self._send(session, {"op": 0, "t": "GUILD_CREATE", "s": session.seq, "d": guild.create_payload()})
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict) -> GatewaySession | None:
        session = self.sessions.get(data.get("session_id", ""))
        if session is None or data.get("token") != self.token:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            return None
        session.ws = ws
        session.resumes += 1
        session.seq += 1
        await self._send(session, {"op": 0, "t": "RESUMED", "s": session.seq, "d": {}})
        return session

    # ------------------------------------------------------------------ REST

    async def _unknown_prefix(self, request: web.Request) -> web.Response:
        rec = Recorded(request.method, request.path, dict(request.query), None, dict(request.headers), 404)
        self.requests.append(rec)
        self.unknown.append(rec)
        await self._notify()
        return _error(404, 0, "404: Not Found")

    async def _body(self, request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            raw = form.get("payload_json")
            return json.loads(raw) if isinstance(raw, str) else None
        text = await request.text()
        return json.loads(text) if text else None

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        rec = Recorded(request.method, path, dict(request.query), await self._body(request), dict(request.headers))
        self.requests.append(rec)
        faults = self.faults
        injected = await faults.before(rec.method, path) if faults is not None else {}
        if isinstance(injected, web.Response):
            response = injected
        else:
            try:
                response = await self._route(rec)
            except _Unknown:
                self.unknown.append(rec)
                response = _error(404, 0, "404: Not Found")
            if faults is not None:
                response = faults.after(rec.method, path, response, injected)
        response.headers.setdefault("Via", "1.1 google")  # discord.py takes a 429 without it for a ban
        rec.status = response.status
        await self._notify()
        return response

    def _authorised(self, rec: Recorded) -> bool:
        return rec.headers.get("Authorization") == f"Bot {self.token}"

    async def _route(self, rec: Recorded) -> web.Response:
        m, p, body = rec.method, rec.path, rec.json
        interaction_route = p.startswith(("/interactions/", "/webhooks/"))
        if not interaction_route and not self._authorised(rec):
            return _error(401, 0, "401: Unauthorized")
        app = str(self.application_id)
        if (m, p) == ("GET", "/users/@me"):
            return _response(self.bot_user.self_payload())
        if (m, p) == ("GET", "/oauth2/applications/@me"):
            return _response(self._application())
        if (m, p) == ("GET", "/gateway"):
            return _response({"url": self.gateway_url})
        if (m, p) == ("GET", "/gateway/bot"):
            return _response(
                {
                    "url": self.gateway_url,
                    "shards": self.recommended_shards,
                    "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
                }
            )
        if match := re.fullmatch(rf"/applications/{app}(?:/guilds/(\d+))?/commands", p):
            if m == "PUT":
                key = match[1] or "global"
                self.commands[key] = body
                return _response([self._command(c, match[1]) for c in body])
            if m == "GET":
                return _response([self._command(c, match[1]) for c in self.commands.get(match[1] or "global", [])])
        if match := re.fullmatch(r"/channels/(\d+)", p):
            channel = self._channel(int(match[1]))
            if channel is None:
                return _error(404, 10003, "Unknown Channel")
            return _response(channel.payload())
        if (match := re.fullmatch(r"/channels/(\d+)/messages", p)) and m == "POST":
            return self._post_message(int(match[1]), body)
        if (match := re.fullmatch(r"/channels/(\d+)/messages", p)) and m == "GET":
            return self._history(int(match[1]), rec.query)
        if match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", p):
            return self._existing_message(m, int(match[2]), body)
        if (match := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", p)) and m == "POST":
            return self._callback(match[2], body, rec.query)
        if (match := re.fullmatch(rf"/webhooks/{app}/([^/]+)", p)) and m == "POST":
            interaction = self.interactions.get(match[1])
            if interaction is None:
                return _error(404, 10015, "Unknown Webhook")
            msg = self._follow_up(match[1], interaction, body)
            return _response(msg) if rec.query.get("wait") in ("true", "1", "True") else web.Response(status=204)
        if match := re.fullmatch(rf"/webhooks/{app}/([^/]+)/messages/(@original|\d+)", p):
            token, which = match[1], match[2]
            message_id = self.originals.get(token) if which == "@original" else int(which)
            if message_id is None:
                return _error(404, 10008, "Unknown Message")
            return self._existing_message(m, message_id, body)
        if (m, p) == ("POST", "/users/@me/channels"):
            user_id = int(body["recipient_id"])
            user = self.human if user_id == self.human.id else FakeUser("someone", id=user_id)
            return _response(self.dm_channel(user).payload())
        raise _Unknown

    def _application(self) -> dict:
        return {
            "id": str(self.application_id),
            "name": "perezbot",
            "icon": None,
            "description": "Answers questions about Jefferson Pérez.",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.human.payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "interactions_endpoint_url": None,
            "rpc_origins": [],
        }

    def _command(self, data: dict, guild_id: str | None) -> dict:
        out = {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "version": str(snowflake()),
            "type": data.get("type", 1),
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            **data,
        }
        if guild_id:
            out["guild_id"] = guild_id
        return out

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The DM channel between the bot and ``user`` (created on first use)."""
        for channel in self.dm_channels.values():
            if channel.recipient is not None and channel.recipient.id == user.id:
                return channel
        channel = FakeChannel(type=1, recipient=user)
        self.dm_channels[channel.id] = channel
        return channel

    def _channel(self, channel_id: int) -> FakeChannel | None:
        if channel_id in self.dm_channels:
            return self.dm_channels[channel_id]
        for guild in self.guilds:
            for channel in guild.channels:
                if channel.id == channel_id:
                    return channel
        return None

    def _guild_of(self, channel_id: int) -> FakeGuild | None:
        return next((g for g in self.guilds if any(c.id == channel_id for c in g.channels)), None)

    @staticmethod
    def _channel_id_of(interaction: dict) -> int:
        return int(interaction["channel"]["id"])

    def _new_message(self, channel_id: int, body: dict | None, *, interaction: dict | None = None) -> dict:
        body = body or {}
        guild = self._guild_of(channel_id)
        msg: dict[str, Any] = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 19 if body.get("message_reference") else 0,
            "flags": body.get("flags") or 0,
        }
        if guild is not None:
            msg["guild_id"] = str(guild.id)
        if body.get("message_reference"):
            msg["message_reference"] = body["message_reference"]
        if interaction is not None:
            msg["webhook_id"] = str(self.application_id)
            msg["application_id"] = str(self.application_id)
            msg["type"] = 20 if interaction["type"] == 2 else 0
        self.messages[int(msg["id"])] = msg
        return msg

    def _history(self, channel_id: int, query: dict[str, str]) -> web.Response:
        """``GET /channels/{id}/messages`` (``after``/``before``/``limit``), newest first like Discord."""
        if self._channel(channel_id) is None:
            return _error(404, 10003, "Unknown Channel")
        if self.history_failures:
            self.history_failures -= 1
            return _error(503, 0, "Service Unavailable")
        guild = self._guild_of(channel_id)
        channel = self._channel(channel_id)
        if guild is not None and channel is not None and not guild.bot_channel_permissions(channel) & 65536:
            return _error(403, 50001, "Missing Access")
        found = [msg for msg in self.messages.values() if msg["channel_id"] == str(channel_id)]
        found.sort(key=lambda msg: int(msg["id"]))
        if "after" in query:
            found = [msg for msg in found if int(msg["id"]) > int(query["after"])]
        if "before" in query:
            found = [msg for msg in found if int(msg["id"]) < int(query["before"])]
        limit = int(query.get("limit", 50))
        found = found[:limit] if "after" in query else found[-limit:]
        return _response(list(reversed(found)))

    def _post_message(self, channel_id: int, body: dict) -> web.Response:
        if body.get("enforce_nonce") and body.get("nonce") is not None:
            earlier = self.nonces.get((channel_id, str(body["nonce"])))
            if earlier is not None and earlier in self.messages:
                return _response(self.messages[earlier])  # Discord returns the first message
        if self.post_failures:
            self.post_failures -= 1
            if self.post_failures_after:
                self._post_message_now(channel_id, body)
            return _error(503, 0, "Service Unavailable")
        return self._post_message_now(channel_id, body)

    def _post_message_now(self, channel_id: int, body: dict) -> web.Response:
        channel = self._channel(channel_id)
        if channel is None and channel_id not in self.dm_channels:
            return _error(404, 10003, "Unknown Channel")
        guild = self._guild_of(channel_id)
        if channel is not None and guild is not None:
            perms = guild.bot_channel_permissions(channel)
            if not perms & 2048 or not perms & 1024:
                return _error(403, 50013, "Missing Permissions")
            if body.get("embeds") and not perms & 16384:
                # Discord would silently drop the embeds; a bot that sends them has a bug.
                raise AssertionError("the bot sent an embed without Embed Links permission")
            if body.get("message_reference") and not perms & 65536:
                return _error(400, 160002, "Cannot reply without permission to read message history")
        msg = self._new_message(channel_id, body)
        if body.get("nonce") is not None:
            self.nonces[(channel_id, str(body["nonce"]))] = int(msg["id"])
        return _response(msg)

    def _follow_up(self, token: str, interaction: dict, body: dict | None) -> dict:
        """A follow-up message. As on Discord, the first one after a deferral *replaces* the
        "thinking…" message and keeps its visibility (a public deferral makes even an ephemeral
        follow-up public) — unless that message was deleted, then it is a new message."""
        loading = self.originals.get(token)
        if token in self.deferred and loading in self.messages:
            self.deferred.discard(token)
            msg = self.messages[loading]
            flags = msg["flags"]
            self._apply_edit(msg, body or {})
            msg["flags"] = flags
            return msg
        self.deferred.discard(token)
        return self._new_message(self._channel_id_of(interaction), body, interaction=interaction)

    def public_messages(self) -> list[dict]:
        """Every message the bot's interactions left that everyone in the channel sees (not ephemeral)."""
        return [m for m in self.messages.values() if "webhook_id" in m and not m["flags"] & 64]

    def _existing_message(self, method: str, message_id: int, body: dict | None) -> web.Response:
        msg = self.messages.get(message_id)
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        if method == "GET":
            return _response(msg)
        if method == "PATCH":
            self._apply_edit(msg, body or {})
            return _response(msg)
        if method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        raise _Unknown

    @staticmethod
    def _apply_edit(msg: dict, body: dict) -> None:
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else ([] if key != "content" else "")
        msg["edited_timestamp"] = iso_now()

    def _callback(self, token: str, body: dict, query: dict) -> web.Response:
        interaction = self.interactions.get(token)
        if interaction is None:
            return _error(404, 10062, "Unknown interaction")
        if interaction.get("_responded"):
            return _error(400, 40060, "Interaction has already been acknowledged.")
        interaction["_responded"] = True
        kind, data = body["type"], body.get("data") or {}
        resource: dict[str, Any] = {"type": kind}
        response_message_id = None
        if kind in (4, 5):  # a new message (or a deferred one)
            msg = self._new_message(self._channel_id_of(interaction), data, interaction=interaction)
            if kind == 5:
                self.deferred.add(token)
            self.originals[token] = int(msg["id"])
            response_message_id = msg["id"]
            resource["message"] = msg
        elif kind == 7:  # update the message the component is on
            msg = self.messages[int(interaction["message"]["id"])]
            self._apply_edit(msg, data)
            self.originals[token] = int(msg["id"])
            response_message_id = msg["id"]
            resource["message"] = msg
        if query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        return _response(
            {
                "interaction": {
                    "id": interaction["id"],
                    "type": interaction["type"],
                    "activity_instance_id": None,
                    "response_message_id": response_message_id,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": bool((data.get("flags") or 0) & 64),
                },
                "resource": resource,
            }
        )

    # ------------------------------------------------------------------ driving the bot

    def _interaction(
        self,
        kind: int,
        data: dict,
        *,
        guild: FakeGuild | None,
        channel: FakeChannel | None,
        user: FakeUser | None,
        locale: str,
        message: dict | None = None,
    ) -> dict:
        user = user or self.human
        token = f"itok-{next(self._ids)}-{secrets.token_hex(8)}"
        payload: dict[str, Any] = {
            "id": str(snowflake()),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "locale": locale,
            "attachment_size_limit": 10 * 1024 * 1024,
            "entitlements": [],
        }
        if guild is not None:
            channel = channel or guild.channel
            member = guild.member_payload(user)
            member["permissions"] = str(2147483648 | 1024 | 2048)
            payload.update(
                guild_id=str(guild.id),
                guild_locale=guild.locale,
                guild={"id": str(guild.id), "locale": guild.locale, "features": []},
                channel_id=str(channel.id),
                channel=channel.payload(),
                member=member,
                app_permissions=str(guild.bot_channel_permissions(channel)),
                authorizing_integration_owners={"0": str(guild.id)},
                context=0,
            )
        else:
            dm = channel or self.dm_channel(user)
            payload.update(
                channel_id=str(dm.id),
                channel=dm.payload(),
                user=user.payload(),
                app_permissions=str(1024 | 2048 | 16384 | 65536),
                authorizing_integration_owners={"0": str(self.application_id)},
                context=1,
            )
        if message is not None:
            payload["message"] = message
        self.interactions[token] = payload
        return payload

    def _command_id(self, name: str, guild: FakeGuild | None) -> str:
        for key in ((str(guild.id),) if guild else ()) + ("global",):
            for command in self.commands.get(key, []):
                if command["name"] == name:
                    return str(command.get("id") or snowflake())
        raise AssertionError(f"/{name} was never synced (synced: {sorted(self.commands)})")

    async def slash(
        self,
        name: str,
        *,
        guild: FakeGuild | bool | None = True,
        channel: FakeChannel | None = None,
        user: FakeUser | None = None,
        locale: str = "en-US",
        **options: Any,
    ) -> dict:
        """Invoke ``/name option=value…`` as ``user`` (default: the human) in ``guild`` (None: a DM)."""
        g = self.guild if guild is True else (guild or None)
        data = {
            "id": self._command_id(name, g),
            "name": name,
            "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()],
        }
        if g is not None:
            data["guild_id"] = str(g.id)
        payload = self._interaction(2, data, guild=g, channel=channel, user=user, locale=locale)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=g.id if g else None)
        return payload

    async def autocomplete(
        self, name: str, option: str, value: str, *, guild: FakeGuild | bool | None = True, locale: str = "en-US"
    ) -> dict:
        """Type ``value`` into ``option`` of ``/name`` (an autocomplete interaction)."""
        g = self.guild if guild is True else (guild or None)
        data = {
            "id": self._command_id(name, g),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": 3, "value": value, "focused": True}],
        }
        payload = self._interaction(4, data, guild=g, channel=None, user=None, locale=locale)
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=g.id if g else None)
        return payload

    async def press(
        self, message: dict, custom_id: str, *, user: FakeUser | None = None, locale: str = "en-US"
    ) -> dict:
        """Press the button ``custom_id`` on ``message`` (as stored by the fake)."""
        channel_id = int(message["channel_id"])
        guild = self._guild_of(channel_id)
        channel = self._channel(channel_id)
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._interaction(
            3, data, guild=guild, channel=channel, user=user, locale=locale, message=self.messages[int(message["id"])]
        )
        await self.dispatch("INTERACTION_CREATE", payload, guild_id=guild.id if guild else None)
        return payload

    async def say(
        self,
        content: str,
        *,
        guild: FakeGuild | bool | None = True,
        channel: FakeChannel | None = None,
        author: FakeUser | None = None,
        mentions: list[FakeUser] = (),  # type: ignore[assignment]
        reply_to: dict | None = None,
    ) -> dict:
        """A user posts ``content`` (MESSAGE_CREATE). ``guild=None`` makes it a DM."""
        author = author or self.human
        g = self.guild if guild is True else (guild or None)
        channel = channel or g.channel if g is not None else channel or self.dm_channel(author)
        msg: dict[str, Any] = {
            "id": str(snowflake()),
            "channel_id": str(channel.id),
            "author": author.payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": "@everyone" in content or "@here" in content,
            "mentions": [u.payload() for u in mentions],
            "mention_roles": re.findall(r"<@&(\d+)>", content),
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if g is not None:
            msg["guild_id"] = str(g.id)
            msg["member"] = {k: v for k, v in g.member_payload(author).items() if k != "user"}
        if reply_to is not None:
            msg["type"] = 19
            msg["message_reference"] = {
                "type": 0,
                "message_id": reply_to["id"],
                "channel_id": reply_to["channel_id"],
                **({"guild_id": str(g.id)} if g else {}),
            }
            msg["referenced_message"] = reply_to
        self.messages[int(msg["id"])] = msg
        await self.dispatch("MESSAGE_CREATE", msg, guild_id=g.id if g else None)
        return msg

    async def response_to(self, interaction: dict, timeout: float = 3.0) -> Recorded:
        """The callback the bot posted for ``interaction``."""
        return await self.wait_for_request(
            "POST", rf"/interactions/{interaction['id']}/{re.escape(interaction['token'])}/callback", timeout=timeout
        )

    def message(self, message_id: int | str) -> dict:
        return self.messages[int(message_id)]


class _Unknown(Exception):
    """No such route in the fake."""
