# Dates typed into day, month and year fields, and what is wrong with them.
# $label is the date's name in a sentence ("due date").

date-day = Day
date-month = Month
date-year = Year
date-hint = For example, 27 3 2027
date-enter = Enter the { $label }, for example 27 3 2027.
date-must-include = The { $label } must include { $parts }.
date-year-digits = The year of the { $label } must have 4 digits, for example 2027.
date-not-real = The { $label } must be a real date, for example 27 3 2027.
date-part-day = a day
date-part-month = a month
date-part-year = a year
# Joins the missing parts: "a month", "a day and a year".
date-parts-and = { $count ->
    [one] { $last }
   *[other] { $first } and { $last }
}

# The names of dates, as used in the messages above.
label-due-date = due date
label-meeting-date = meeting date
