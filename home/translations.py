"""wagtail-localize under the moderation workflow.

Trainers may submit pages for translation and translate them, but only those who
may publish a page put its translation live (see
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE in the settings). wagtail-localize's
"Sync translated pages" form offers "Publish immediately" to anyone who may
submit translations, and publishes without asking whether they may publish; here
that box is disabled for the others, so their updates stay drafts.
"""

from django.utils.translation import gettext_lazy as _

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
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = _(
                "The updated translations are saved as drafts: a moderator "
                "publishes them."
            )
        return form
