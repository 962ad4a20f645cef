//! The self-assessment "Is interim right for us?": its state, actions and reducer.

pub mod scoring;
