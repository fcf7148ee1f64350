"""Admin forms shared by every section."""

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from .uploads import check_document, max_size, safe_file_name


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is not what they say."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = _(
                "PDF, Word, Excel, PowerPoint, OpenDocument, ZIP, text or CSV up to "
                "%(document)s; recordings (MP3, M4A, MP4, Ogg, WebM) up to "
                "%(recording)s; WebVTT captions."
            ) % {
                "document": filesizeformat(max_size("default")),
                "recording": filesizeformat(max_size("mp4")),
            }

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            check_document(file)
            file.name = safe_file_name(file.name)
        return file

    def _post_clean(self):
        refused = "file" in self.errors
        super()._post_clean()
        if refused:
            # Wagtail's model check then sees no file and adds "extension “” not
            # allowed"; the reason given by clean_file is the one that helps.
            del self.errors["file"][1:]
