"""allauth's sign-in, sign-up and sign-out wording, translated in our catalogues.

The project's catalogues come before allauth's (LOCALE_PATHS), but makemessages only
keeps the msgids it finds in our code: listed here, allauth's account pages use the
same words as the rest of the site (allauth's own Latvian says "Ieiet" and "Iziet"
where the site says "Pieslēgties" and "Atslēgties").
"""

from django.utils.translation import gettext_noop

ALLAUTH_ACCOUNT_WORDING = (
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Signup"),
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("You have signed out."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop(
        "If you have not created an account yet, then please "
        "%(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
)
