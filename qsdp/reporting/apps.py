from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReportingConfig(AppConfig):
    name = "qsdp.reporting"
    label = "reporting"
    verbose_name = gettext_lazy("Reporting")
