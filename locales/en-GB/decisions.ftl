# The decisions register's filters.

register-dates-hint = Dates as day, month and year, for example 1/9/2027 or 1 Sept 2027.
register-dates = Enter the dates as day, month and year, for example 1/9/2027.
