//! Shared builders: what a dataset's rows become. [`candidates`] for election
//! results and affidavits, [`appointments`] for people folded from rows of
//! posts held; [`names`] cleans the names and makes the ids they share; [`seats`]
//! makes the seat records candidacies point at.

pub mod appointments;
pub mod candidates;
pub mod names;
pub mod seats;
