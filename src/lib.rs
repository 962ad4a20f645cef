//! The alliance-manager widget: a survey on finding your next alliance manager and the
//! self-assessment "Is interim right for us?", kept in the visitor's browser.
//!
//! `content`, `storage`, `export` and the state halves of `survey` and `assessment` are pure
//! and tested natively; the `screens` modules render; `embed` and `crash` exist only in the
//! browser build.

pub mod accessibility;
pub mod assessment;
pub mod content;
pub mod export;
pub mod page;
pub mod prerender;
pub mod privacy;
pub mod storage;
pub mod survey;

#[cfg(target_arch = "wasm32")]
pub mod crash;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// Milliseconds since 1970.
pub fn now() -> u64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as u64;
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as u64);
}

// Each page's wasm is on a byte budget; talc does the job of the default allocator in less.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
