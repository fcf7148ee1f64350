"""A certificate as a one-page PDF, with a QR code of its verification page."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

import segno
import weasyprint

from .certificates import verification_url


def qr_data_uri(url):
    """The URL as a QR code PNG, inline: the PDF needs nothing from outside."""
    return segno.make(url, error="m").png_data_uri(scale=8, border=4)


def render_certificate_pdf(certificate):
    """The certificate as PDF bytes, in the language it was earned in."""
    url = verification_url(certificate)
    with translation.override(certificate.language):
        html = render_to_string(
            "learning/certificate_pdf.html",
            {
                "certificate": certificate,
                "verification_url": url,
                "qr": qr_data_uri(url),
                "language": certificate.language,
            },
        )
    # Everything is inline: WeasyPrint may read data: URLs and nothing else.
    fetcher = weasyprint.URLFetcher(allowed_protocols=["data"])
    document = weasyprint.HTML(
        string=html, base_url=settings.BASE_URL, url_fetcher=fetcher
    )
    return document.write_pdf()
