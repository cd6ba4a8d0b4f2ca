from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MilitaryServiceConfig(AppConfig):
    name = "qsdp.military_service"
    label = "military_service"
    verbose_name = gettext_lazy("Military service")
