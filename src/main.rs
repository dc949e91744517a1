//! Mounts the app; everything else lives in the library (see ARCHITECTURE.md).

fn main() {
    // Download and compile end here; `make bench` splits cold start at this mark.
    keystone::platform::mark("keystone:start");
    keystone::ui::recovery::install();
    keystone::ui::app::pick_language();
    leptos::mount::mount_to_body(keystone::ui::app::App);
}
