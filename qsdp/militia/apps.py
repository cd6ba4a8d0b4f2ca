from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MilitiaConfig(AppConfig):
    name = "qsdp.militia"
    label = "militia"
    verbose_name = gettext_lazy("Militia")
