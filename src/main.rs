fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start();
}
