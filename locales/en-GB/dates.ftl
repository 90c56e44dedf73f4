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

# Dates in words: "Wednesday 23 December 2026", "… at 12:00".
date-words = { $weekday } { $day } { $month } { $year }
date-at-time = { $date } at { $time }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# A date without its weekday: "8 September 2026".
date-short = { $day } { $month } { $year }
