//! Keystone: key account management in the browser. See ARCHITECTURE.md for the map.

pub mod charts;
pub mod domain;
pub mod i18n;
pub mod platform;
pub mod storage;
pub mod ui;
