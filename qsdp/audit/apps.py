from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The auditors' pages, the data-subject report and the retention purge.

    They read every register, so they come after all of them in the app order
    (docs/decisions/0002-app-order.md); the registry they rely on (field
    classes, retention policies, the audit trail) stays in ``qsdp.core``."""

    name = "qsdp.audit"
    verbose_name = _("Audit")
