from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReservesConfig(AppConfig):
    name = "qsdp.reserves"
    label = "reserves"
    verbose_name = gettext_lazy("Reserve forces")
