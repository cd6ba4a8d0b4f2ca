from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReservesConfig(AppConfig):
    name = "qsdp.reserves"
    label = "reserves"
    verbose_name = gettext_lazy("Reserve forces")

    def ready(self) -> None:
        from qsdp.core.panels import register_person_panel, register_timeline_titles
        from qsdp.reserves.views.panel import reserve_panel

        register_person_panel(
            key="reserves",
            template="reserves/partials/person_panel.html",
            context=reserve_panel,
            order=20,
        )
        # The audit verbs of the reserve services that concern a person.
        register_timeline_titles(
            {
                "reservist.created": gettext_lazy("Added to the reserve register"),
                "reservist.registered_from_returnee": gettext_lazy(
                    "Added to the reserve register after discharge"
                ),
                "reservist.updated": gettext_lazy("Reserve record corrected"),
                "reservist.removed": gettext_lazy("Removed from the reserve"),
                "arrangement.created": gettext_lazy("Arranged into a reserve unit"),
                "arrangement.ended": gettext_lazy("Arrangement into a reserve unit ended"),
                "reserve_review.recorded": gettext_lazy("Yearly reserve review"),
                "commander_decision.appointment": gettext_lazy(
                    "Appointed to command in a reserve unit"
                ),
                "commander_decision.dismissal": gettext_lazy(
                    "Dismissed from command in a reserve unit"
                ),
                "reserve_equipment.registered": gettext_lazy("Reserve equipment registered"),
                "reserve_equipment.earmarked": gettext_lazy("Reserve equipment earmarked"),
                "reserve_equipment.released": gettext_lazy("Reserve equipment released"),
            }
        )
