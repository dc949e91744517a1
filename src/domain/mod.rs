//! The pure domain: plain Rust and serde, no browser APIs. Everything here is tested
//! natively with `cargo test`, never panics on input, and takes time ("now", "this
//! year") as a parameter instead of reading a clock.

pub mod account;
pub mod criteria;
pub mod date;
pub mod deals;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
pub mod groups;
pub mod history;
pub mod layout;
pub mod merge;
pub mod money;
pub mod number;
pub mod order;
pub mod plan;
pub mod portfolio;
pub mod reviews;
pub mod sample;
pub mod scoring;
pub mod share;
pub mod spreadsheet;
pub mod stakeholder;
pub mod sync;
pub mod template;
pub mod tier;
pub mod validate;
pub mod views;
pub mod whitespace;
pub mod workspace;
