"""The emails of the subscription itself (digests are sent elsewhere)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def absolute(path):
    return settings.BASE_URL.rstrip("/") + path


def send_confirmation_email(email, token, language):
    """The double opt-in message: a link that confirms, in the chosen language."""
    with translation.override(language):
        context = {
            "confirm_url": absolute(reverse("community:confirm", args=[token])),
            "base_url": settings.BASE_URL,
        }
        message = EmailMultiAlternatives(
            subject=_("Confirm your LIBRI digest subscription"),
            body=render_to_string("community/email/confirm.txt", context),
            to=[email],
        )
        message.attach_alternative(
            render_to_string("community/email/confirm.html", context), "text/html"
        )
    message.send()
