# The board pack (PDF and print-friendly page): the minutes item.

pack-minutes-heading = Minutes of the previous meeting
# $date: the previous meeting's day, "Tuesday 13 October 2026".
pack-minutes-draft = Draft minutes of the meeting on { $date }, for this meeting to approve.
pack-minutes-approved = Minutes of the meeting on { $date }, as approved.
pack-minutes-none = The minutes of the previous meeting are not yet available.
