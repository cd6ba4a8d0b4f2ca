from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ApiConfig(AppConfig):
    name = "qsdp.api"
    label = "api"
    verbose_name = gettext_lazy("REST API")

    def ready(self) -> None:
        # Registers the bearer scheme with drf-spectacular before a schema is built.
        from qsdp.api import authentication  # noqa: F401
