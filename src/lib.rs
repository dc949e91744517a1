//! Keystone: key account management in the browser. See ARCHITECTURE.md for the map.

pub mod domain;
