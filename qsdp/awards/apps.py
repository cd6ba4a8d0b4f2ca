from django.apps import AppConfig
from django.utils.translation import gettext_lazy, pgettext_lazy

# The main menu's entry (qsdp.accounts.context_processors); named here so that
# this app's catalogue carries its translation.
MENU_LABEL = pgettext_lazy("main menu", "Awards")


class AwardsConfig(AppConfig):
    name = "qsdp.awards"
    label = "awards"
    verbose_name = gettext_lazy("Awards")

    def ready(self) -> None:
        from qsdp.awards.views.panels import person_awards_panel, unit_awards_panel
        from qsdp.core.panels import (
            register_person_panel,
            register_timeline_titles,
            register_unit_panel,
        )

        register_person_panel(
            key="awards",
            template="awards/partials/person_panel.html",
            context=person_awards_panel,
            order=60,
        )
        register_unit_panel(
            key="awards",
            template="awards/partials/unit_panel.html",
            context=unit_awards_panel,
            order=60,
        )
        register_timeline_titles(
            {
                "award_recipient.added": gettext_lazy("Proposed for an award"),
                "award_recipient.removed": gettext_lazy("Removed from an award proposal"),
            }
        )
