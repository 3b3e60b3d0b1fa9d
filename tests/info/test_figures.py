"""``/about``'s figures as text."""

import datetime as dt
import math

import pytest

from bot.info.figures import format_latency, format_uptime


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0m 0s"), (65, "1m 5s"), (3 * 3600 + 120, "3h 2m"), (2 * 86400 + 3600 + 60, "2d 1h 1m"), (-5, "0m 0s")],
)
def test_format_uptime(seconds, text):
    assert format_uptime(dt.timedelta(seconds=seconds)) == text


def test_uptime_unknown_before_start():
    assert format_uptime(None) == "—"


def test_format_latency():
    assert format_latency(0.0423) == "42 ms"
    assert format_latency(math.nan) == "—" and format_latency(math.inf) == "—" and format_latency(None) == "—"
