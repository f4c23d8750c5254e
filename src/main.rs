//! The widget bundle's entry point: defines the custom elements (`<jtel-acd-event-form>`, …),
//! and on the standalone frame page (feature `frame`, the full bundle only) mounts the widget
//! its deployment and its link choose.

fn main() {
    jtel_widgets::perf_marks::mark_started();
    jtel_widgets::embed::custom_elements::register();
    #[cfg(feature = "frame")]
    jtel_widgets::embed::frame::mount_from_url();
}

/// talc instead of the default dlmalloc: the same job in fewer bytes (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
