"""The figures ``/about`` shows, as short text: uptime and gateway latency."""

from __future__ import annotations

import datetime as dt
import math

__all__ = ["format_latency", "format_uptime"]


def format_uptime(delta: dt.timedelta | None) -> str:
    """``3d 4h 5m`` / ``4h 5m`` / ``5m 6s``: the two largest units (an em dash when unknown)."""
    if delta is None:
        return "—"
    seconds = max(0, int(delta.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        return f"{days}d {hours}h {minutes}m"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {seconds}s"


def format_latency(seconds: float | None) -> str:
    """The gateway heartbeat latency in ms, or an em dash before the first heartbeat."""
    if seconds is None or math.isnan(seconds) or math.isinf(seconds):
        return "—"
    return f"{seconds * 1000:.0f} ms"
