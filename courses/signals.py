"""Signals other apps listen to: a knowledge check was scored for a reader."""

from django.dispatch import Signal

# Sent with request, lesson, check_id, answers and result (a CheckResult) after a
# valid submission is scored; learning/ records it for a signed-in learner. A
# receiver refuses the submission by raising InvalidSubmission: the reader gets the
# lesson back with its reason and status.
check_scored = Signal()
