# Nagorik — English messages. Every id here must also exist in bn/main.ftl.

site-name = Nagorik
skip-to-content = Skip to content
nav-label = Main
nav-track = Track your feedback
footer-text = Nagorik listens to citizens so that public services can be redesigned around them. Your feedback is read by the people who redesign services.

home-title = Tell us what hurts
home-heading = Tell the government what hurts about a public service
home-intro = Find the service you used, read what its Citizen's Charter promises, and tell us what it really took. Service designers read every voice.
home-popular = Services people use most
home-browse = Browse by ministry
home-track-link = Already gave feedback? Track it with your code
service-count = { $count ->
    [one] 1 service
   *[other] { $count } services
}

search-label = Search for a service
search-hint = Type part of its name in Bangla or English, e.g. passport or জন্ম নিবন্ধন
search-button = Search
search-title = Services
search-found = { $count ->
    [one] 1 service found
   *[other] { $count } services found
}
search-none = No service matches. Try fewer or shorter words, or browse by ministry from the home page.
pager-label = Pages
pager-prev = Previous page
pager-next = Next page
pager-position = Page { $page } of { $pages }

charter-heading = What the Citizen's Charter promises
charter-delivery = How it is delivered
charter-fee = Fee
charter-fee-none = Not stated
charter-fee-free = Free (no fee)
charter-time = Time limit
charter-not-stated = Not stated
charter-officer = Responsible officer
charter-category = e-Service Roadmap
charter-category-value = Priority category { $category }
charter-code = Service code
charter-steps = Steps
charter-documents = Documents needed
amount-taka = { $amount } taka
amount-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
delivery-manual = In person, on paper
delivery-partly-online = Partly online
delivery-online = Online
service-voices = { $count ->
    [0] Nobody has given feedback on this service yet.
    [one] 1 citizen has given feedback on this service.
   *[other] { $count } citizens have given feedback on this service.
}

form-heading = Give feedback
form-intro = Tell us about your own experience with this service. Only the text, the kind and the numbers are used to improve the service; your contact details are never published.
form-error-summary = There is a problem with your feedback
# Put before the page title when a form came back with errors, so screen reader users hear it first.
page-title-error = Error:
form-kind = What do you want to tell us?
kind-complaint = A complaint
kind-complaint-hint = Something went wrong or took too long
kind-expectation = An expectation
kind-expectation-hint = How you hope the service would work
kind-suggestion = A suggestion
kind-suggestion-hint = An idea to make it better
form-text = Your feedback
form-text-hint = Between { $min } and { $max } characters. Bangla, English or both.
form-step = Which step of the service is it about? (optional)
form-step-none = Not a particular step
form-tcv = What did it cost you? (optional)
form-tcv-hint = Whole numbers; Bangla digits are fine.
form-days = Days it took
form-cost = Taka you spent in all (fees, travel, everything)
form-visits = Visits to an office
form-district = Your district
form-district-choose = Choose your district
form-contact = Your contact details (optional)
form-contact-hint = Only officials of the ministry concerned can see these. Leave them empty to stay anonymous.
form-name = Name
form-email = Email
form-phone = Mobile number
form-consent = Email me when this service moves forward
form-privacy = Do not write your NID number, phone number or address in the feedback text.
form-submit = Send feedback

thanks-title = Feedback received
thanks-heading = Thank you, your feedback is received
thanks-code-intro = Your tracking code is
thanks-keep-code = Write this code down or take a screenshot. With it you can see what became of your feedback.
thanks-next-heading = What happens next
thanks-next = Service designers read feedback grouped by service and by problem. Services with the most pain are put forward to become e-services.
thanks-track-link = See the status of your feedback
thanks-back = Back to { $service }

track-title = Track your feedback
track-label = Tracking code
track-hint = 10 letters and digits, as shown after you gave feedback, e.g. 7KX4M-2QHTD
track-button = Find
track-unknown-title = Tracking code not found
track-unknown-text = We have no feedback with the code { $code }. Check the code and try again.
track-result-title = Your feedback
track-code = Tracking code
track-service = Service
track-kind = Kind
track-received = Received on
track-district = District
track-status = Status
track-status-explained = Feedback is reviewed together with other feedback about the same service. You will see here when the service is taken up for redesign.
track-plan = E-service plan for this service
track-plan-none = Not taken up yet
track-theme = Your feedback is part of
status-received = Received, counted with the other feedback on this service
status-not-published = Reviewed, not published

error-page-help = Sorry about that. You can go back, or start again from the home page.
error-reference = Reference for support: { $id }
error-home-link = Go to the home page
error-validation = Some of the information is not valid
error-bad-request = The request could not be understood
error-not-found = Page not found
error-unauthorized = Please log in
error-forbidden = You are not allowed to do this
error-conflict = This conflicts with what is already stored
error-payload-too-large = What you sent is too large
error-unsupported-media-type = This kind of content is not accepted here; send JSON
error-unavailable = The service is busy or down for a moment. Please try again in a few seconds
error-internal = Something went wrong on our side
error-method-not-allowed = This action is not allowed here
error-too-many-requests = Too many requests; please wait a little

error-kind-required = Choose what you want to tell us: a complaint, an expectation or a suggestion
error-kind-unknown = Choose a complaint, an expectation or a suggestion
error-text-required = Write your feedback
error-text-too-short = Write at least { $min } characters
error-text-too-long = Write at most { $max } characters (you wrote { $length })
error-step-range = Step numbers go from 1 to { $max }
error-step-unknown = Choose one of the steps of this service
error-number-invalid = Write a whole number, like 5 or ৫
error-number-negative = The number cannot be below zero
error-number-not-whole = Write a whole number, without a fraction
error-number-too-large = The number can be at most { $max }
error-district-required = Choose your district
error-district-unknown = Choose one of the 64 districts
error-name-too-long = The name can have at most { $max } characters
error-email-invalid = Write an email address like name@example.com
error-phone-invalid = Write a mobile number like 01711 000000
error-consent-needs-email = To be told of progress, write your email address (or untick the box)
error-wrong-type = This value has the wrong form; send text or a number
error-page-invalid = Write a page number from 1 to { $max }
error-service-required = Give the code of the service
error-service-unknown = There is no service with this code
error-language-unknown = Language must be bn or en
error-tracking-code-malformed = A tracking code has 10 letters and digits, like 7KX4M-2QHTD
error-tracking-code-empty = Write the tracking code from your receipt, like 7KX4M-2QHTD
error-tracking-code-never-used = “{ $char }” is never used in tracking codes (they have no 0/O, 1/I/L or U): check the code on your receipt

open311-number-hint = A whole number from 0 to { $max }
open311-service-notice = Thank you. Service designers review this feedback together with similar feedback about the same service.
error-idempotency-key-invalid = Idempotency-Key must be 1 to 200 visible characters

# Glossary: the product's words, one for each thing, used the same way on every page.
# A feedback is what one citizen wrote; a voice is one citizen counted once: their own
# feedback or a "me too" on another's. Counts of people are voices; entries are feedback.
-feedback = feedback
-voice = voice
glossary-feedback = Feedback
glossary-feedback-means = One complaint, expectation or suggestion a citizen wrote; each has a tracking code.
glossary-voice = Voice
glossary-voice-means = One citizen counted once: their own { -feedback }, or a "me too" on someone else's. Priorities count voices.
error-invalid-value = This value cannot be used
