## The design brief of a backlog item (src/brief, templates/pages/staff/brief.hbs)

brief-title = Design brief
brief-link = Design brief: today's journey, step by step
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
