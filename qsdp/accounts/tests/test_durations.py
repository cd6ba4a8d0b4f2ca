from datetime import timedelta

import pytest

from qsdp.accounts.templatetags.durations import in_minutes


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [
        (timedelta(minutes=15), 15),
        (timedelta(minutes=14, seconds=1), 15),
        (timedelta(hours=2), 120),
        (timedelta(days=1), 1440),
        (timedelta(0), 0),
    ],
)
def test_duration_in_whole_minutes_rounded_up(duration, minutes):
    assert in_minutes(duration) == minutes
