//! Components and pages. Pages (one file per route) compose components; components read
//! state through [`state::use_app`] in their bodies and change it only through the
//! workspace signal (or `AppState` methods), never through storage.

pub mod app;
pub mod components;
pub mod pages;
pub mod persist;
pub mod recovery;
pub mod route;
pub mod state;
