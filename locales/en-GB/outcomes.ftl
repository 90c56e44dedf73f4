# "What we achieved": decisions whose actions are all done.

outcomes-title = What we achieved
outcomes-home = Home
outcomes-partnership = The whole partnership
outcomes-summary = { $count ->
    [0] No decision has all its actions done yet.
    [one] { $count } decision has all its actions done.
   *[other] { $count } decisions have all their actions done.
}
outcomes-what = A decision is listed here once every action it set is done, under the priority its paper served. Confidential decisions are not listed.
outcomes-capped = Only the 300 most recently achieved are listed.
outcomes-no-priority = Not linked to a priority
outcomes-decided = decided
outcomes-by = by the
outcomes-done-by = Actions done by
outcomes-last-on = the last on
outcomes-json = These achievements as data (JSON)
outcomes-csv = As a spreadsheet (CSV), every one
outcomes-link = What we achieved
outcomes-link-why = the partnership's decisions that have been carried out, by priority
