//! What page handlers take instead of repeating a prologue: the signed-in
//! person (anyone else is sent to sign in and come back), and a form whose
//! CSRF token is checked before anything in it is read.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageError, checked_form, require_user};

/// The signed-in person; anyone else is sent to sign in, then back here.
pub struct SignedIn(pub AuthUser);

impl FromRequest for SignedIn {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let viewer = Viewer::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let viewer = viewer.await.map_err(PageError::App)?;
            require_user(&req, viewer).map(SignedIn)
        })
    }
}

/// A posted form, read only after its CSRF token is checked, and refused
/// when it sends a field the handler does not read (see `checked_form`).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let body = body.await.map_err(|e| {
                PageError::App(AppError::BadRequest(crate::i18n::say_args(
                    "err-form-unreadable",
                    &[("why", crate::i18n::Arg::Text(&e.to_string()))],
                )))
            })?;
            checked_form(&req, &body).map(CsrfForm)
        })
    }
}
