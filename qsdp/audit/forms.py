from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from qsdp.audit.selectors import AuditFilters
from qsdp.core.privacy import DataClass, registry


def _sensitive_field_choices() -> list[tuple[str, object]]:
    """The sensitive fields by their translated names (the value stays the
    column's name, which the access log records)."""
    labels: dict[str, str] = {}
    for model_label, classes in registry().items():
        model = apps.get_model(model_label)
        for name, cls in classes.items():
            if cls is DataClass.SENSITIVE and name not in labels:
                try:
                    labels[name] = capfirst(str(model._meta.get_field(name).verbose_name))
                except FieldDoesNotExist:
                    labels[name] = name
    return [("", _("any field")), *sorted(labels.items(), key=lambda item: item[1])]


class AuditFilterForm(forms.Form):
    EVENTS, ACCESS = "events", "access"

    kind = forms.ChoiceField(
        label=_("Log"),
        choices=[(EVENTS, _("Changes (audit trail)")), (ACCESS, _("Reads of sensitive data"))],
        required=False,
    )
    person = forms.CharField(label=_("Person (name or CCCD)"), max_length=100, required=False)
    user = forms.CharField(label=_("User"), max_length=150, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    field = forms.ChoiceField(label=_("Field read"), required=False, choices=())

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["field"].choices = _sensitive_field_choices()  # type: ignore[attr-defined]

    @property
    def log(self) -> str:
        if self.is_valid() and self.cleaned_data["kind"] == self.ACCESS:
            return self.ACCESS
        return self.EVENTS

    def filters(self) -> AuditFilters:
        if not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            person=data["person"],
            user=data["user"],
            start=data["start"],
            end=data["end"],
            field=data["field"],
        )
