from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.review.services import ReviewSettingsData


class ReviewFilterForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args: object, units: QuerySet[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]


class ReviewSettingsForm(forms.Form):
    number = forms.CharField(label=_("Number and symbol"), max_length=60, initial="/BC-UBND")
    issued_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(
        label=_("Place"), max_length=100, required=False, help_text=_("Empty: the unit's name.")
    )
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label=_("Signer's name"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One a line; empty: the usual list."),
    )

    def data_object(self) -> ReviewSettingsData:
        data = self.cleaned_data
        return ReviewSettingsData(
            number=data["number"],
            issued_on=data["issued_on"],
            place=data["place"],
            signer_title=data["signer_title"],
            signer_name=data["signer_name"],
            recipients=data["recipients"],
        )


class ReviewCreateForm(ReviewSettingsForm):
    field_order = ["org_unit", "year"]
    org_unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args: object, units: QuerySet[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["org_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["year"].initial = timezone.localdate().year


class ParagraphForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Figures are written as placeholders such as {call_up.fulfilment_pct}; they are "
            "filled from the data when the review is printed. Empty: the text written from "
            "the figures."
        ),
    )


class NewsForm(forms.Form):
    headline = forms.CharField(label=_("Headline"), max_length=255)
    text = forms.CharField(
        label=_("Article"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paragraphs separated by an empty line."),
    )
