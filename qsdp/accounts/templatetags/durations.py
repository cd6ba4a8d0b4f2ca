from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def in_minutes(value: timedelta) -> int:
    """A duration as whole minutes, rounded up: "wait 15 minutes"."""
    seconds = int(value.total_seconds())
    return -(-seconds // 60)
