from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ImportsConfig(AppConfig):
    name = "qsdp.imports"
    label = "imports"
    verbose_name = gettext_lazy("Import and export")
