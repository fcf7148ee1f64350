"""gunicorn's logger with the site's redaction: its access log records every URL,
and members' links carry signed tokens in their path (and searches may hold an
email address). Used with ``--logger-class home.access_log.RedactingLogger``."""

from gunicorn.glogging import Logger

from .security import RedactPersonalData


class RedactingLogger(Logger):
    """Request lines, referers and error messages reach the log redacted."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            if not any(isinstance(f, RedactPersonalData) for f in log.filters):
                log.addFilter(RedactPersonalData())
