//! Mounts the app; everything else lives in the library (see ARCHITECTURE.md).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(keystone::ui::app::App);
}
