"""Response headers and log hygiene that every request shares.

The public site runs under a strict Content Security Policy (no inline script or
style, nothing from other hosts but the configured embeds and tiles). Wagtail's admin
still writes inline scripts (inline panels, date pickers) and inline styles (the rich
text editor), so pages under the admin's prefix get a policy of their own that allows
those and still refuses every other host.
"""

import logging
import re

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts

# Also percent-encoded, as in a logged query string (?query=anna%40biblioteka.lv).
EMAIL = re.compile(r"[\w.+%-]+(?:@|%40)[\w-]+(\.[\w-]+)+")
# Signed tokens in links to members' pages: /unsubscribe/<token>/,
# /<lang>/community/{preferences,confirm}/<token>/.
TOKEN_IN_PATH = re.compile(r"(/(?:unsubscribe|preferences|confirm)/)[^/\s?\"']+")
REDACTED = "[redacted]"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's own policy, and the Permissions-Policy header."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(
                config=settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"],
                nonce=parts.nonce,
            )
        return parts

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return super().process_response(request, response)


def redact(text):
    """``text`` with email addresses and link tokens replaced by a marker."""
    text = TOKEN_IN_PATH.sub(rf"\1{REDACTED}", text)
    return EMAIL.sub(REDACTED, text)


class RedactPersonalData:
    """Logging filter: no email address or link token reaches a log handler."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            # django.request's handlers may format the request itself.
            record.request = None
        return True
