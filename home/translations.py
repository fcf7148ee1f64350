"""wagtail-localize under the moderation workflow.

Trainers may submit pages for translation and translate them, but only those who
may publish a page put its translation live (see
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE in the settings). wagtail-localize's
"Sync translated pages" form offers "Publish immediately" to anyone who may
submit translations, and publishes without asking whether they may publish; here
the others do not get that box, so their updates stay drafts.
"""

from django import forms

from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_publish(user, instance):
    """Pages follow the page permissions; our snippets have no drafts to hold back."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return True


class ModeratedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not may_publish(self.request.user, self.object.get_source_instance()):
            # Hidden, so the template (which draws the box itself) leaves it
            # out; disabled, so a posted "on" is ignored.
            field = form.fields["publish_translations"]
            field.widget = forms.HiddenInput()
            field.disabled = True
        return form
