from django.apps import AppConfig
from django.utils.translation import gettext_lazy, pgettext_lazy


class ImportsConfig(AppConfig):
    name = "qsdp.imports"
    label = "imports"
    verbose_name = gettext_lazy("Import and export")


# The main menu's entry (qsdp/accounts/context_processors.py) is translated in
# this app's catalogue; naming it here keeps makemessages from dropping it.
MENU_LABEL = pgettext_lazy("main menu", "Import")
