from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class MilitiaConfig(AppConfig):
    name = "qsdp.militia"
    label = "militia"
    verbose_name = gettext_lazy("Militia")

    def ready(self) -> None:
        from qsdp.core.panels import register_person_panel, register_timeline_titles
        from qsdp.militia.views.panel import militia_panel

        register_person_panel(
            key="militia",
            template="militia/partials/person_panel.html",
            context=militia_panel,
            order=30,
        )
        # The audit verbs of the militia services that concern a person.
        register_timeline_titles(
            {
                "militia.member_added": gettext_lazy("Joined the militia"),
                "militia.member_updated": gettext_lazy("Militia record corrected"),
                "militia.member_left": gettext_lazy("Militia term ended"),
                "militia.term_extended": gettext_lazy("Militia term extended"),
                "militia.duty_decided": gettext_lazy("Militia duty deferred or exempted"),
                "militia.duty_decision_ended": gettext_lazy(
                    "Deferral or exemption from militia duty ended"
                ),
                "militia.registered": gettext_lazy("Registered for militia duty"),
                "militia.training_recorded": gettext_lazy("Militia training days recorded"),
                "militia.active_service_completed": gettext_lazy(
                    "Standing militia service recognised as completed active service"
                ),
            }
        )
