# Email: acknowledgements, "you said, we did", digests, review reminders; the unsubscribe
# pages; the staff outbox and mail settings pages.
email-signature = Nagorik, citizen feedback for better public services
email-automatic = This message was sent automatically.
email-ack-subject = We received your feedback (code { $code })
email-ack-greeting = Thank you for your feedback.
email-ack-intro = We received what you told us about the service “{ $service }”.
email-ack-code-label = Your tracking code:
email-ack-track = See its status at any time:
email-ack-next = What happens next: service designers of the ministry read all feedback about this service, group it into pain points and use it to decide which services to improve first. If you agreed to hear back, we will write when work on this service moves on.
email-update-subject = You said, we did: { $service }
email-update-intro = You gave feedback about the service “{ $service }”. Here is what changed.
email-update-status-label = New status:
email-update-from-label = Before:
email-update-problem-label = The problem being worked on:
email-update-note-label = Note from the ministry:
email-update-service-link = The service:
email-update-why = You receive this because you agreed to hear back when you gave feedback.
email-update-unsubscribe = No more updates? One click:
email-status-identified = identified for redesign
email-status-designing = being designed
email-status-approved = design approved
email-status-building = being built as an e-service
email-status-live = live as an e-service
email-status-dropped = not pursued
email-status-unknown = changed
email-digest-subject = Nagorik digest: { $total ->
    [one] 1 new feedback
   *[other] { $total } new feedback
}
email-digest-intro = What came in since { $since } in your ministries.
email-digest-total = { $total ->
    [one] 1 new feedback:
   *[other] { $total } new feedback:
}
email-digest-themes = New pain-point themes:
email-digest-open = Open the workspace:
email-digest-settings = Stop or change this digest:
email-reminder-subject = Quarterly review due ({ $quarter })
email-reminder-intro = These backlog items of your ministry have had no review for three months. Please record their quarterly review ({ $quarter }).
email-reminder-last-review = last reviewed { $date }
email-reminder-never-reviewed = never reviewed
email-reminder-open = Open the backlog:
unsubscribe-title = Stop updates by email
unsubscribe-intro = Press the button and we will send no more “you said, we did” updates to this address.
unsubscribe-button = Stop updates
unsubscribed-title = You will get no more updates
unsubscribed-text = We will not send updates about services to this address any more, starting now.
unsubscribe-invalid-title = This link does not work
unsubscribe-invalid-text = The unsubscribe link is incomplete or wrong. Copy the whole link from the email.
staff-nav-outbox = Mail
staff-nav-settings = My settings
outbox-title = Mail that could not be sent
outbox-intro = These messages were refused by the mail server or failed too often. Retry one once the problem is fixed.
outbox-none = Every message was sent.
outbox-col-recipient = To
outbox-col-kind = Message
outbox-col-attempts = Attempts
outbox-col-error = Last error
outbox-col-queued = Queued
outbox-retry = Retry
outbox-kind-ack = Acknowledgement
outbox-kind-update = You said, we did
outbox-kind-digest = Daily digest
outbox-kind-reminder = Review reminder
settings-title = My settings
settings-digest-label = Send me a daily digest of new feedback and themes in my ministries
settings-digest-hint = One email a day, in the morning: counts per service and new themes, no personal data.
settings-save = Save
settings-saved = Your settings are saved.
