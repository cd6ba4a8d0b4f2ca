from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MilitaryServiceConfig(AppConfig):
    name = "qsdp.military_service"
    label = "military_service"
    verbose_name = gettext_lazy("Military service")

    def ready(self) -> None:
        from qsdp.core.panels import register_person_panel, register_timeline_titles
        from qsdp.military_service.rules.cycle import EventKind
        from qsdp.military_service.views.panel import service_panel

        register_person_panel(
            key="military_service",
            template="military_service/partials/person_panel.html",
            context=service_panel,
            order=10,
        )
        register_timeline_titles(
            {
                **{f"military_service.{kind.value}": kind.label for kind in EventKind},
                "military_service.event_cancelled": gettext_lazy(
                    "Military-service entry cancelled"
                ),
                "call_up_candidate.substituted": gettext_lazy(
                    "Put on the call-up list in place of another citizen"
                ),
            }
        )
