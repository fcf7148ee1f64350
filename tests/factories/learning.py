"""Learners as allauth makes them: a user, a confirmed email address, a profile."""

from django.contrib.auth import get_user_model

from allauth.account.models import EmailAddress

from learning.models import LearnerProfile

PASSWORD = "lasam-gramatas-2026"


def learner(email="anna@biblioteka.lv", language="lv", organisation="Rīgas CB"):
    """A confirmed learner who can sign in with PASSWORD."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    LearnerProfile.objects.create(
        user=user, preferred_language=language, organisation=organisation
    )
    return user
