"""Form widgets tied to their help text and errors, for screen readers."""

from django import template

register = template.Library()


@register.simple_tag
def described_widget(field):
    """The field's widget with aria-describedby naming its help and error texts."""
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
