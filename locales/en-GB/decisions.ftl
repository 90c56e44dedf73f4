# The decisions register's filters.

register-dates-hint = Dates as day, month and year, for example 1/9/2027 or 1 Sept 2027.
register-dates = Enter the dates as day, month and year, for example 1/9/2027.
# Under a decision on the meeting page and the paper page: interests declared on its item.
decision-declarations = Interests declared on this item:
