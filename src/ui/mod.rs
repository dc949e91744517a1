//! Components and pages. Components read state through [`state::use_app`] and change it
//! only through the workspace signal (or `AppState` methods), never through storage.

pub mod account;
pub mod accounts;
pub mod app;
pub mod charts;
pub mod fields;
pub mod form;
pub mod overview;
pub mod persist;
pub mod plan;
pub mod plans;
pub mod portfolio;
pub mod recovery;
pub mod route;
pub mod share;
pub mod spreadsheet;
pub mod state;
pub mod what_if;
pub mod widgets;
