"""allauth, fitted to learners: profile on sign-up, their language on sign-in."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


class LearnerAccountAdapter(DefaultAccountAdapter):
    """Sends a learner who signs in to their dashboard in their preferred language."""

    def get_login_redirect_url(self, request):
        language = preferred_language(request.user)
        with translation.override(language):
            return reverse(settings.LOGIN_REDIRECT_URL)


def preferred_language(user):
    """The learner's preferred language, or the one they are reading in."""
    profile = getattr(user, "learner_profile", None)
    if profile is not None:
        return profile.preferred_language
    return translation.get_language() or settings.LANGUAGE_CODE
