//! One file per route. Pages compose components; no page imports another page.

pub mod account;
pub mod accounts;
pub mod method;
pub mod new_account;
pub mod overview;
pub mod plan;
pub mod plans;
pub mod portfolio;
pub mod rate;
pub mod share;
pub mod what_if;
