//! The route table. Every route is registered through [`Routes`], which
//! writes down its method and path as it registers it, so the table is the
//! router's own list, not a copy kept by hand. It gives:
//! - HEAD for every GET route (same status and headers, no body);
//! - 405 with `Allow` for a known address asked with a method it does not take;
//! - the list the authorisation test walks, route by route.

use std::sync::Arc;

use actix_web::dev::ResourceDef;
use actix_web::http::Method;
use actix_web::{FromRequest, Handler, HttpRequest, Responder, web};

/// One route: its method and path pattern (`/meetings/{id}`), prefix included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: Method,
    pub path: String,
}

/// Registers routes on a service config and records each one.
pub struct Routes<'a> {
    cfg: &'a mut web::ServiceConfig,
    prefix: &'static str,
    table: &'a mut Vec<RouteInfo>,
}

impl<'a> Routes<'a> {
    pub fn new(
        cfg: &'a mut web::ServiceConfig,
        prefix: &'static str,
        table: &'a mut Vec<RouteInfo>,
    ) -> Self {
        Routes { cfg, prefix, table }
    }

    fn add<F, Args>(&mut self, method: Method, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.table.push(RouteInfo {
            method: method.clone(),
            path: format!("{}{path}", self.prefix),
        });
        self.cfg.route(path, web::method(method).to(handler));
        self
    }

    /// A GET route, which also answers HEAD.
    pub fn get<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::HEAD, path, handler.clone());
        self.add(Method::GET, path, handler)
    }

    pub fn post<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::POST, path, handler)
    }

    pub fn put<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::PUT, path, handler)
    }

    pub fn patch<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::PATCH, path, handler)
    }

    pub fn delete<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::DELETE, path, handler)
    }

    /// Registers the routes `inside` under `prefix`, on a scope that `setup`
    /// may give its own settings (extractor configs, a default service).
    pub fn scope(
        &mut self,
        prefix: &'static str,
        setup: impl FnOnce(actix_web::Scope) -> actix_web::Scope,
        inside: impl FnOnce(&mut Routes<'_>),
    ) -> &mut Self {
        let table = &mut *self.table;
        let scope = setup(web::scope(prefix)).configure(|cfg| {
            let mut r = Routes { cfg, prefix, table };
            inside(&mut r);
        });
        self.cfg.service(scope);
        self
    }

    /// The config itself, for services that are not routes (API docs).
    pub fn config(&mut self) -> &mut web::ServiceConfig {
        self.cfg
    }
}

/// The whole table, shared with the handlers that answer for unknown
/// methods; each path pattern is compiled once, when the router is built.
#[derive(Clone, Debug, Default)]
pub struct RouteTable(Arc<Vec<(Method, ResourceDef)>>);

impl RouteTable {
    pub fn new(routes: Vec<RouteInfo>) -> RouteTable {
        RouteTable(Arc::new(
            routes
                .into_iter()
                .map(|r| (r.method, ResourceDef::new(r.path)))
                .collect(),
        ))
    }

    /// The methods `path` is registered for, in a stable order; empty when
    /// no route has this address.
    pub fn methods_for(&self, path: &str) -> Vec<Method> {
        let mut methods: Vec<Method> = self
            .0
            .iter()
            .filter(|(_, def)| def.is_match(path))
            .map(|(m, _)| m.clone())
            .collect();
        methods.sort_by_key(|m| m.as_str().to_string());
        methods.dedup();
        methods
    }
}

/// For a request no route took: the `Allow` header's value when the address
/// is known but the method is not one it takes.
pub fn allowed(req: &HttpRequest) -> Option<String> {
    let table = req.app_data::<web::Data<RouteTable>>()?;
    let methods = table.methods_for(req.path());
    if methods.is_empty() || methods.contains(req.method()) {
        return None;
    }
    Some(
        methods
            .iter()
            .map(Method::as_str)
            .collect::<Vec<_>>()
            .join(", "),
    )
}
