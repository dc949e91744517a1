//! Mounts the app; everything else lives in the library (see ARCHITECTURE.md).

fn main() {
    keystone::ui::recovery::install();
    leptos::mount::mount_to_body(keystone::ui::app::App);
}
