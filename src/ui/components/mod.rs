//! Reusable pieces, shared by pages.

pub mod account_form;
pub mod chart;
pub mod csv;
pub mod deal_import;
pub mod deals;
pub mod form;
pub mod groups;
pub mod health;
pub mod keyed;
pub mod matrix;
pub mod plan;
pub mod scoring_panel;
pub mod share;
pub mod stakeholders;
pub mod whitespace;
pub mod widgets;
