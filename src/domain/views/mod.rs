//! View-models: what a page shows, computed from the workspace by plain functions that tests
//! call without a browser. Components only lay these out and format them through the catalog.

pub mod movers;
pub mod plans;
pub mod ranking;
pub mod rating;
pub mod review;
pub mod sheet;
pub mod window;
