//! The alliance-manager widget: a survey on finding your next alliance manager and the
//! self-assessment "Is interim right for us?", kept in the visitor's browser.
//!
//! `content`, `storage`, `flow`'s state, `export` and the state halves of `survey` and
//! `assessment` are pure and tested natively; the `screens` modules render; `embed` and `crash`
//! exist only in the browser build, `prerender` only in the build step.

pub mod assessment;
pub mod browser;
pub mod clock;
pub mod content;
pub mod delivery;
pub mod early;
pub mod export;
pub mod flow;
pub mod json;
pub mod locale;
pub mod results;
pub mod storage;
pub mod survey;

#[cfg(target_arch = "wasm32")]
pub mod crash;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(feature = "ssr")]
pub mod prerender;

// talc does the job of the default allocator in 3 KB less gzip per page.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
