//! Shared test helpers: fixtures (`fixtures`), proptest strategies for random valid projects
//! (`strategies`), and a harness that drives the app as a user does (`harness`).
#![allow(dead_code)] // each test file uses a different subset

pub mod fixtures;
pub mod harness;
pub mod strategies;

#[allow(unused_imports)] // a test file that drives the window may use neither
pub use fixtures::*;
#[allow(unused_imports)]
pub use strategies::*;
