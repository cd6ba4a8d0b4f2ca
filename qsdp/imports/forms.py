from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from qsdp.imports.columns import Kind
from qsdp.orgunits.models import OrgUnit


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Register"), choices=Kind.choices)
    org_unit = forms.ModelChoiceField(label=_("Commune or ward"), queryset=OrgUnit.objects.none())
    file = forms.FileField(
        label=_("File"),
        help_text=_("XLSX, XLS or CSV, as the register is kept: titles and signatures may stay."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls,.csv"}),
    )

    def __init__(self, *args: object, units: QuerySet[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["file"].help_text = (
            str(self.fields["file"].help_text)
            + " "
            + str(_("At most %(mb)s MB.") % {"mb": settings.QSDP_MAX_UPLOAD_MB})
        )


class CommitForm(forms.Form):
    skip_invalid = forms.BooleanField(
        label=_("Skip the rows with errors and import the others"), required=False
    )
