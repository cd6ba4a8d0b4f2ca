from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Bắc Kạn 2023 demo (``manage.py load_demo``): no models, dev only."""

    name = "qsdp.demo"
    label = "demo"
    verbose_name = _("Demo data")
