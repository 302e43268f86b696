//! `lagebild serve`: the analyst workbench, an HTTP API and a web UI served from the binary.
//!
//! [`Server`] owns a small pool of read-only store connections, one writer connection
//! (absent in read-only mode), the analysis [`Pipeline`] for the ingest endpoint, and the
//! bearer token that protects writes. [`router`] builds the axum routes; [`run`] binds and
//! serves until Ctrl-C.
//!
//! # Security
//! - Article text reaches the browser only as JSON and is inserted with `textContent`;
//!   the UI is served with a Content-Security-Policy that forbids inline scripts, so an
//!   article containing `<script>` does nothing (tested in a real browser).
//! - SQL is parameterised in `lagebild_store`; request bodies are limited
//!   ([`ServeConfig::max_body`]), every request has a timeout, writes need
//!   `Authorization: Bearer <token>`, and `read_only` refuses them all.
//! - Binds 127.0.0.1 by default.
//!
//! # Routes
//! See [`openapi`] (also served at `/api/openapi.json`).

mod api;
pub mod openapi;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use lagebild_pipeline::Pipeline;
use lagebild_store::Store;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use api::{IngestReport, stored, versions};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] lagebild_store::StoreError),
    #[error("cannot bind {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub db: PathBuf,
    pub bind: SocketAddr,
    /// The bearer token for writes; `None` disables the ingest endpoint.
    pub token: Option<String>,
    pub read_only: bool,
    /// Largest accepted request body in bytes.
    pub max_body: usize,
    pub timeout: Duration,
    /// Read-only connections to the store.
    pub readers: usize,
}

impl ServeConfig {
    pub fn new(db: PathBuf) -> ServeConfig {
        ServeConfig {
            db,
            bind: SocketAddr::from(([127, 0, 0, 1], 8750)),
            token: None,
            read_only: false,
            max_body: 32 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            readers: 4,
        }
    }
}

/// The shared state of a running server.
pub struct Server {
    readers: Vec<Mutex<Store>>,
    next_reader: AtomicUsize,
    writer: Option<Mutex<Store>>,
    pipeline: Arc<Pipeline>,
    token: Option<String>,
    read_only: bool,
}

impl Server {
    /// Opens the store (creating it when it does not exist, unless read-only).
    pub fn open(config: &ServeConfig, pipeline: Arc<Pipeline>) -> Result<Server, ServeError> {
        let writer = if config.read_only {
            None
        } else {
            Some(Mutex::new(Store::open(&config.db)?))
        };
        let mut readers = Vec::new();
        for _ in 0..config.readers.max(1) {
            readers.push(Mutex::new(Store::open_read_only(&config.db)?));
        }
        Ok(Server {
            readers,
            next_reader: AtomicUsize::new(0),
            writer,
            pipeline,
            token: config.token.clone(),
            read_only: config.read_only,
        })
    }

    /// A read connection, round robin; a poisoned lock is still usable because the
    /// connection holds no state between queries.
    fn reader(&self) -> MutexGuard<'_, Store> {
        let index = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        self.readers[index]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A fresh random token of 32 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // Fall back on the randomly keyed std hasher; still unpredictable across runs.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(std::process::id().into());
            chunk.copy_from_slice(&hasher.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The routes of the API and the UI, with limits and security headers.
pub fn router(server: Arc<Server>, config: &ServeConfig) -> Router {
    let csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
               object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    Router::new()
        .route("/", get(api::index))
        .route("/assets/{file}", get(api::asset))
        .nest("/api", api::routes())
        .with_state(server)
        .layer(RequestBodyLimitLayer::new(config.max_body))
        .layer(axum::extract::DefaultBodyLimit::max(config.max_body))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// Binds and serves until Ctrl-C. `ready` is called with the bound address.
pub fn run(
    config: ServeConfig,
    pipeline: Arc<Pipeline>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let (listener, app) = bind(&config, pipeline).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

async fn bind(
    config: &ServeConfig,
    pipeline: Arc<Pipeline>,
) -> Result<(tokio::net::TcpListener, Router), ServeError> {
    let server = Arc::new(Server::open(config, pipeline)?);
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.bind,
            source,
        })?;
    Ok((listener, router(server, config)))
}

/// A server running on a thread of its own; dropping it shuts the server down.
pub struct Running {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Starts a server in the background (for tests and embedding) and waits until it listens.
pub fn spawn(config: ServeConfig, pipeline: Arc<Pipeline>) -> Result<Running, ServeError> {
    let (ready_sender, ready) = std::sync::mpsc::channel::<Result<SocketAddr, ServeError>>();
    let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = match tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(error) => {
                let _ = ready_sender.send(Err(error.into()));
                return;
            }
        };
        runtime.block_on(async move {
            let (listener, app) = match bind(&config, pipeline).await {
                Ok(bound) => bound,
                Err(error) => {
                    let _ = ready_sender.send(Err(error));
                    return;
                }
            };
            let _ = ready_sender.send(listener.local_addr().map_err(ServeError::from));
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop.await;
                })
                .await;
        });
    });
    let addr = ready
        .recv()
        .map_err(|_| ServeError::Io(std::io::Error::other("server thread ended")))??;
    Ok(Running {
        addr,
        shutdown: Some(shutdown),
        thread: Some(thread),
    })
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
