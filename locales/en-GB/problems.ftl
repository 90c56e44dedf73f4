# API problem details (RFC 9457): the title of each status and the fixed details.

problem-title-400 = Bad Request
problem-title-401 = Unauthorized
problem-title-403 = Forbidden
problem-title-404 = Not Found
problem-title-405 = Method Not Allowed
problem-title-409 = Conflict
problem-title-412 = Precondition Failed
problem-title-413 = Payload Too Large
problem-title-415 = Unsupported Media Type
problem-title-422 = Unprocessable Entity
problem-title-429 = Too Many Requests
problem-title-500 = Internal Server Error
problem-title-503 = Service Unavailable
problem-detail-unauthenticated = Sign in, or send a valid API token as 'Authorization: Bearer <token>'.
problem-detail-forbidden = You do not have permission to do that.
problem-detail-not-found = There is nothing at this address.
problem-detail-method = This address does not take that method; it takes { $allow }.
problem-detail-precondition = Someone else changed this since you loaded it. Reload and try again.
problem-detail-too-many = Too many attempts. Wait a minute and try again.
problem-detail-unavailable = The service is busy or its database is unavailable. Try again shortly.
problem-detail-internal = Something went wrong on our side.
problem-reference = Reference: { $reference }.
