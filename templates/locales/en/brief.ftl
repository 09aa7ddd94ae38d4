## The design brief of a backlog item (src/brief, templates/pages/staff/brief.hbs)

brief-title = Design brief
brief-link = Design brief: today's journey, what citizens want, the e-service design
brief-intro = What citizens live through today with this service, read from their { -feedback }: a starting point for designing the e-service.
brief-journey-title = Today's journey
brief-journey-intro = The charter's steps in order, with what citizens who reached each step told us. Each figure is the median of what they reported, with the number of answers it rests on.
brief-overall = The whole journey: { $feedback } { -feedback }, { $voices } { $voices ->
    [one] voice
   *[other] voices
}.
brief-promise = The charter promises { $days ->
    [none] no time limit
   *[other] { $days } days
} and { $fee }.
brief-promise-fee-free = no fee
brief-promise-fee-none = states no fee
brief-promise-fee-taka = a fee of BDT { $taka }
brief-col-step = Step
brief-col-voices = Voices
brief-col-days = Days (median)
brief-col-cost = Cost, BDT (median)
brief-col-visits = Visits (median)
brief-col-whole = The whole journey
brief-col-unstepped = Not tied to a step
brief-answers = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}
brief-table-notes = — nobody said. * Fewer than { $few } answers: a rough guide, not a measurement.
brief-step-heading = Step { $number }: { $step }
brief-step-counts = { $feedback } { -feedback }, { $voices } { $voices ->
    [one] voice
   *[other] voices
}
brief-step-nobody = No citizen has tied { -feedback } to this step yet.
brief-step-themes = What hurts here
brief-step-quotes = In their words
brief-unstepped-title = { -feedback } tied to no step
brief-unstepped-intro = Citizens who did not say at which step it happened (or named a step the charter no longer lists).
brief-documents-title = Required documents
brief-documents-intro = Each document the charter asks for, and how many voices name it in their { -feedback }.
brief-document-voices = { $voices ->
    [0] no voice names it
    [one] 1 voice names it
   *[other] { $voices } voices name it
}
brief-documents-none = The charter lists no documents.
brief-json = The same brief as JSON

## What citizens want, and the e-service design (saved as versions)

brief-done-saved = The design is saved as a new version.
brief-done-unchanged = Nothing changed, so no new version was made.
brief-stale = You opened version { $base }; since then someone else saved version { $latest }. Your changes are not saved, but everything you wrote is below. Look at what changed, then save again.
brief-stale-compare = Compare versions { $base } and { $latest }
brief-save = Save the design (new version)
brief-save-hint = Every save is a new version: who changed what, and when, is kept.
brief-wants-title = What citizens want
brief-wants-intro = Citizens' expectations and suggestions, by theme, most voices first. Decide on each: taken into the design (at which step), or not now (and why).
brief-wants-ungrouped = Not in a theme yet
brief-wants-none = No expectation or suggestion about this service yet.
brief-want-legend = Decision on this
brief-want-undecided = Not decided yet
brief-want-taken = Taken into the design
brief-want-not-now = Not now
brief-want-step = At which step of the design
brief-want-step-none = Choose a step
brief-want-new-step = { $step }. (a new step written above)
brief-want-reason = Why not now
brief-design-title = The e-service design: the journey to be
brief-design-intro = What the citizen's journey will be with the e-service: each step, through which channel, which documents are still needed, and the target days, cost and visits. Savings per application and per year use the same rates as the backlog score.
brief-version = Version { $number }, { $who }, { $when } UTC
brief-versions-link = All versions and comparison
brief-version-none = No design saved yet.
brief-design-steps = The design's steps (version { $version })
brief-col-channel = Channel
brief-col-documents = Documents still needed
brief-col-target-days = Target days
brief-col-target-cost = Target cost, BDT
brief-col-target-visits = Target visits
brief-col-target-whole = The whole journey
brief-target = With the design, an application costs the citizen BDT { $per }; BDT { $year } a year.
brief-today = Today an application costs BDT { $per }; BDT { $year } a year (the backlog score's burden).
brief-saves = Savings: BDT { $per } per application; BDT { $year } and { $hours } hours a year.
brief-costs-more = This design costs citizens more than today: BDT { $per } per application; BDT { $year } a year.
brief-figures-basis = Based on { $applications } applications a year (the charter's estimate), BDT { $day } per day of waiting, BDT { $visit } per visit.
brief-figures-no-applications = The yearly number of applications is not known, so the yearly figures read zero. Give it on the backlog item's page.
brief-design-edit = Write the design
brief-design-edit-hint = Name each step in Bangla and in English and choose its channel. Numbers take Bangla or English digits; a blank number counts as zero. To remove a step, empty all its boxes.
brief-row = Step { $step }
brief-field-name_bn = Step name (Bangla)
brief-field-name_en = Step name (English)
brief-field-channel = Channel
brief-field-documents = Documents still needed
brief-field-days = Target days
brief-field-cost = Target cost (BDT)
brief-field-visits = Target visits
brief-channel-choose = Choose a channel
brief-channel-online = Online
brief-channel-union-digital-centre = At a union digital centre
brief-channel-office = At the office
brief-channel-mobile = By mobile phone
brief-versions-title = Design versions
brief-versions-list = Every version, newest first
brief-versions-compare-previous = Compare with the one before
brief-compare-title = Version { $from } to { $to }
brief-compare-from = From
brief-compare-to = To
brief-compare-button = Compare
brief-compare-same = These two versions do not differ.
brief-compare-steps-of = Steps of version { $version }
brief-compare-no-steps = This version has no steps.
brief-change-step-added = Step { $step } added: { $name }
brief-change-step-removed = Step { $step } removed: { $name }
brief-change-step-changed = Step { $step } changed: { $fields }
brief-change-want-taken = “{ $theme }” taken into the design, at step { $step }
brief-change-want-not-now = “{ $theme }” not now: { $reason }
brief-change-want-cleared = The decision on “{ $theme }” was taken back
error-brief-too-many-steps = A design can have at most { $max } steps
error-brief-want-step = Choose the step of the design that takes this in
error-brief-want-reason = Say why not now
error-brief-want-decision = Choose one of the three decisions
error-brief-step-name = Step { $step }: name the step in both Bangla and English (the English is for exports)
error-brief-step-channel = Step { $step }: choose the channel citizens go through at this step
error-brief-what = { $what ->
    [days] target days
    [cost] target cost
   *[visits] target visits
}
error-brief-number-invalid = Step { $step }, { error-brief-what }: write a whole number, like 5 or ৫
error-brief-number-negative = Step { $step }, { error-brief-what }: the number cannot be below zero
error-brief-number-not-whole = Step { $step }, { error-brief-what }: write a whole number, without a fraction
error-brief-number-too-large = Step { $step }, { error-brief-what }: the number can be at most { $max }
error-brief-text-too-long = At most { $max } characters (now { $length })
brief-print = Print page (A4)
brief-docx = Word file (DOCX)
brief-print-nav = Printing
brief-print-hint = Use your browser's Print (Ctrl+P) to print or save as PDF; the page is laid out for A4.
brief-print-back = Back to the design brief
brief-version-exported = Version { $number }, { $when }
