"""The subscription and preference forms."""

import unicodedata

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.models import Topic

from .models import Subscriber


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


def topic_field():
    return TopicChoiceField(
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Topics"),
        help_text=_("Choose none to receive every topic."),
    )


def plain_text(value):
    """A one-line text in NFC; refuses control and invisible format characters.

    Line breaks could smuggle headers into a mail, and direction overrides or
    zero-width characters make a name read differently from what it is.
    """
    value = unicodedata.normalize("NFC", value)
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in value):
        raise forms.ValidationError(
            _("Use letters, numbers and punctuation only, on one line."),
            code="invisible_characters",
        )
    return value


class SubscribeForm(forms.Form):
    """What a person asks for; it takes effect when they confirm from their inbox."""

    email = forms.EmailField(label=_("Email"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    organisation = forms.CharField(
        label=_("Library or organisation"), max_length=200, required=False
    )
    language = forms.ChoiceField(
        label=_("Language of the digest"), choices=settings.LANGUAGES
    )
    topics = topic_field()
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscriber.Frequency.choices,
        widget=forms.RadioSelect,
        initial=Subscriber.Frequency.MONTHLY,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the LIBRI digest by email. I can change my choices "
            "or unsubscribe at any time from a link in every email."
        ),
        error_messages={"required": _("Please agree, or we cannot send the digest.")},
    )

    def clean_email(self):
        return plain_text(self.cleaned_data["email"])

    def clean_name(self):
        return plain_text(self.cleaned_data["name"])

    def clean_organisation(self):
        return plain_text(self.cleaned_data["organisation"])

    def request_data(self):
        """The request as JSON-ready data, to travel in the confirmation link."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "name": data["name"],
            "organisation": data["organisation"],
            "language": data["language"],
            "topics": sorted(topic.pk for topic in data["topics"]),
            "frequency": data["frequency"],
        }


class PreferencesForm(forms.ModelForm):
    """A subscriber's choices, changed from the link in any email."""

    topics = topic_field()

    class Meta:
        model = Subscriber
        fields = ["language", "topics", "frequency"]
        widgets = {"frequency": forms.RadioSelect}
