from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReviewConfig(AppConfig):
    name = "qsdp.review"
    label = "review"
    verbose_name = gettext_lazy("Year-end review")
