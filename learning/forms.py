"""Forms a learner fills in: details on sign-up, profile, account deletion."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile


class LearnerDetailsForm(forms.Form):
    """Name, organisation and preferred language, asked for on sign-up."""

    full_name = forms.CharField(
        label=_("Name on certificates"),
        max_length=200,
        required=False,
        help_text=_("Your full name as your certificates show it."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Your library or organisation, for your trainers' reports."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("The site opens in this language when you sign in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = translation.get_language()

    def signup(self, request, user):
        """Called by allauth once the account exists: keep the learner's details."""
        LearnerProfile.objects.update_or_create(
            user=user,
            defaults={
                "full_name": self.cleaned_data["full_name"].strip(),
                "organisation": self.cleaned_data["organisation"].strip(),
                "preferred_language": self.cleaned_data["preferred_language"],
            },
        )


class LearnerProfileForm(forms.ModelForm):
    """A learner's organisation and preferred language."""

    class Meta:
        model = LearnerProfile
        fields = ["full_name", "preferred_language", "organisation"]


class DeleteAccountForm(forms.Form):
    """Deleting an account needs its password, so a borrowed session cannot."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password
