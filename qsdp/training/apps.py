from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class TrainingConfig(AppConfig):
    name = "qsdp.training"
    label = "training"
    verbose_name = gettext_lazy("Training")

    def ready(self) -> None:
        from qsdp.core.panels import register_timeline_titles

        # The audit verbs of the training services written with a person.
        register_timeline_titles(
            {
                "training.participant_added": gettext_lazy(
                    "Enrolled in a defence and security education course"
                ),
                "training.propagandist_appointed": gettext_lazy(
                    "Appointed grassroots propagandist"
                ),
                "training.propagandist_left": gettext_lazy("Left the grassroots propagandists"),
            }
        )
